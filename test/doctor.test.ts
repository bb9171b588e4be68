// `create-fc-lifecycle doctor`: every rule fires on a broken project (at the file and line to fix) and
// stays quiet once it is fixed; the CLI's output, --json and exit codes; and every project the generator
// writes passes with no finding.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose, type Finding } from '../src/doctor/index.ts';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { generateProject, HOOK_COMBINATIONS, tempDir } from './helpers/generate.ts';

type Files = Record<string, string>;

function writeProject(files: Files): string {
  const root = tempDir('fc-doctor-');
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** An s.yaml with one fc3 resource; `props` (unindented YAML) follow functionName and runtime. */
function sYaml(runtime: string, props: string): string {
  const indented = props.trim().split('\n').map((line) => `      ${line}`).join('\n');
  return `edition: 3.0.0
name: app
access: default
vars:
  region: cn-hangzhou
resources:
  fn:
    component: fc3
    props:
      region: \${vars.region}
      functionName: fn
      runtime: ${runtime}
${indented}
`;
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture has no "${needle}"`);
  return text.slice(0, at).split('\n').length;
}

async function findings(files: Files): Promise<Finding[]> {
  const root = writeProject(files);
  return (await diagnose(root)).findings.map((finding) => ({ ...finding, file: finding.file.slice(root.length + 1) }));
}

// ---------------------------------------------------------------------------------------------
// Fixtures: small projects written the way users write them, each with a fixed twin.

const hooks = (initializer: string | undefined, preStop: string | undefined) =>
  `instanceLifecycleConfig:\n${initializer ? `  initializer:\n    handler: ${initializer}\n    timeout: 60\n` : ''}${preStop ? `  preStop:\n    handler: ${preStop}\n    timeout: 60\n` : ''}`;

const node = (runtime: string, code: string, lifecycle = hooks('index.initialize', undefined), file = 'index.mjs'): Files => ({
  's.yaml': sYaml(runtime, `code: ./code\nhandler: index.handler\n${lifecycle}`),
  [`code/${file}`]: code,
});

const NODE_ESM = `export const handler = async (event, context) => 'ok';

export const initialize = async (context) => {
  context.logger.info('ready');
};
`;

const NODE_CJS = (initializerBody: string) => `'use strict';

exports.handler = function (event, context, callback) {
  callback(null, 'ok');
};

exports.initialize = function (context, callback) {
${initializerBody}
};
`;

const python = (code: string, lifecycle = hooks('index.initialize', undefined)): Files => ({
  's.yaml': sYaml('python3.10', `code: ./code\nhandler: index.handler\n${lifecycle}`),
  'code/index.py': code,
});

const PY_HANDLER = `import json


def handler(event, context):
    return json.dumps({"ok": True})
`;

const php = (code: string, lifecycle = hooks('index.initialize', undefined)): Files => ({
  's.yaml': sYaml('php7.2', `code: ./code\nhandler: index.handler\n${lifecycle}`),
  'code/index.php': code,
});

const POM = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>app</artifactId>
  <version>1.0.0</version>
  <properties>
    <!-- <fc.version>1.4.1</fc.version> -->
    <fc.version>${version}</fc.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.aliyun.fc.runtime</groupId>
      <artifactId>fc-java-core</artifactId>
      <version>\${fc.version}</version>
    </dependency>
  </dependencies>
</project>
`;

const JAVA_APP = (implementsList: string) => `package example;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.PreStopHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

public class App
        implements ${implementsList} {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write("ok".getBytes());
    }

    public void initialize(Context context) throws IOException {
        context.getLogger().info("ready");
    }

    public void preStop(Context context) throws IOException {
        context.getLogger().info("bye");
    }
}
`;

const java = (app: string, lifecycle: string, version = '1.4.1'): Files => ({
  's.yaml': sYaml('java11', `code: ./target/app-1.0.0-jar-with-dependencies.jar\nhandler: example.App::handleRequest\n${lifecycle}`),
  'pom.xml': POM(version),
  'src/main/java/example/App.java': app,
});

const GO_MOD = (version: string) => `module example.com/fn

go 1.18

require github.com/aliyun/fc-runtime-go-sdk ${version}
`;

const GO_MAIN = (options: { initialize?: string; main?: string } = {}) => `package main

import (
	"context"

	"github.com/aliyun/fc-runtime-go-sdk/fc"
)

func handler(ctx context.Context, event []byte) ([]byte, error) {
	return event, nil
}

${options.initialize ?? 'func initialize(ctx context.Context) {\n}'}

func preStop(ctx context.Context) {
}

func main() {
${options.main ?? '\tfc.RegisterInitializerFunction(initialize)\n\tfc.RegisterPreStopFunction(preStop)\n\tfc.Start(handler)'}
}
`;

const go = (main: string, lifecycle = hooks('initialize', 'preStop'), version = 'v0.3.1'): Files => ({
  's.yaml': sYaml('go1', `code: ./code/target\nhandler: main\n${lifecycle}`),
  'code/go.mod': GO_MOD(version),
  'code/main.go': main,
});

const CS = (hook: string) => `using Aliyun.Serverless.Core;
using System.IO;
using System.Threading.Tasks;

namespace Example
{
    public class Hello
    {
        public async Task<Stream> StreamHandler(Stream input, IFcContext context)
        {
            return input;
        }

        public void ${hook}(IFcContext context)
        {
            context.Logger.LogInformation("ready");
        }

        static void Main(string[] args) { }
    }
}
`;

const dotnet = (code: string, initializer: string): Files => ({
  's.yaml': sYaml('dotnetcore3.1', `code: ./HelloFcApp/target/\nhandler: HelloFcApp::Example.Hello::StreamHandler\n${hooks(initializer, undefined)}`),
  'HelloFcApp/Program.cs': code,
});

const NODE_SERVER = (listen: string) => `'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/initialize') return res.end('OK');
  res.end('hello');
});

${listen}
`;

const customNode = (listen: string, port = 9000): Files => ({
  's.yaml': sYaml('custom.debian10', `code: ./code\nhandler: index.handler\ncustomRuntimeConfig:\n  command:\n    - node\n    - server.js\n  port: ${port}\n${hooks('"true"', undefined)}`),
  'code/server.js': NODE_SERVER(listen),
});

const FLASK_ROUTES = {
  initializer: '@app.route("/initialize", methods=["POST"])\ndef initialize():\n    return "OK"\n',
  preStop: '@app.route("/pre-stop", methods=["GET"])\ndef pre_stop():\n    return "OK"\n',
};

const FLASK = (run: string, routes = [FLASK_ROUTES.initializer, FLASK_ROUTES.preStop]) => `import os

from flask import Flask

app = Flask(__name__)
PORT = int(os.environ.get("FC_CUSTOM_LISTEN_PORT", "9000"))


${routes.join('\n\n')}

if __name__ == "__main__":
    ${run}
`;

const customFlask = (run: string): Files => ({
  's.yaml': sYaml('custom.debian10', `code: ./code\nhandler: index.handler\ncustomRuntimeConfig:\n  command: [python3, app.py]\n  port: 9000\n${hooks('"true"', '"true"')}`),
  'code/app.py': FLASK(run),
});

const container = (props: string): Files => ({
  's.yaml': sYaml('custom-container', `handler: index.handler\ncustomContainerConfig:\n  image: registry.cn-hangzhou.aliyuncs.com/ns/fn:latest\n  port: 9000\n${props}`),
  'code/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /code\nCOPY . .\nCMD ["python3", "app.py"]\n',
  'code/app.py': FLASK('app.run(host="0.0.0.0", port=PORT)', [FLASK_ROUTES.initializer]),
});

const customGo = (address: string): Files => ({
  's.yaml': sYaml('custom.debian11', `code: ./code\nhandler: index.handler\ncustomRuntimeConfig:\n  command: [./main]\n  port: 9000\n`),
  'code/main.go': `package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\thttp.ListenAndServe(${address}, nil)\n}\n`,
});

const GPU = 'gpuConfig:\n  gpuType: fc.gpu.tesla.1\n  gpuMemorySize: 16384\n';
const COMMAND = '    command:\n      - /bin/sh\n      - -c\n      - curl -X POST http://127.0.0.1:9000/initialize\n';

function withYaml(files: Files, from: string, to: string): Files {
  if (!files['s.yaml']!.includes(from)) throw new Error(`fixture s.yaml has no "${from}"`);
  return { ...files, 's.yaml': files['s.yaml']!.replace(from, to) };
}

interface Case {
  rule: string;
  name: string;
  broken: Files;
  fixed: Files;
  /** Where the broken project's finding is: the file, and a text on the line. */
  at: [file: string, needle: string];
}

const NODE_LISTEN_ENV = "server.listen(Number(process.env.FC_CUSTOM_LISTEN_PORT || 9000), '0.0.0.0');";
const PY_INIT = `${PY_HANDLER}\n\ndef initialize(context):\n    pass\n`;

const CASES: Case[] = [
  // s.yaml alone
  {
    rule: 'hook-timeout-missing',
    name: 'an initializer without timeout',
    broken: python(PY_INIT, 'instanceLifecycleConfig:\n  initializer:\n    handler: index.initialize\n'),
    fixed: python(PY_INIT),
    at: ['s.yaml', '  initializer:'],
  },
  {
    rule: 'hook-handler-unquoted',
    name: 'handler: true, a YAML boolean',
    broken: withYaml(customNode(NODE_LISTEN_ENV), 'handler: "true"', 'handler: true'),
    fixed: customNode(NODE_LISTEN_ENV),
    at: ['s.yaml', 'handler: true'],
  },
  {
    rule: 'hook-command-and-handler',
    name: 'a GPU initializer with both command and handler',
    broken: container(`${GPU}instanceLifecycleConfig:\n  initializer:\n    handler: "true"\n    timeout: 300\n${COMMAND}`),
    fixed: container(`${GPU}instanceLifecycleConfig:\n  initializer:\n    timeout: 300\n${COMMAND}`),
    at: ['s.yaml', 'command:'],
  },
  {
    rule: 'initializer-command-not-gpu',
    name: 'a command initializer without gpuConfig',
    broken: container(`instanceLifecycleConfig:\n  initializer:\n    timeout: 300\n${COMMAND}`),
    fixed: container(`${GPU}instanceLifecycleConfig:\n  initializer:\n    timeout: 300\n${COMMAND}`),
    at: ['s.yaml', 'command:'],
  },
  {
    rule: 'prestop-command',
    name: 'a PreStop with a command',
    broken: container(`instanceLifecycleConfig:\n  initializer:\n    handler: "true"\n    timeout: 60\n  preStop:\n    timeout: 60\n    command: [/bin/sh, -c, "kill 1"]\n`),
    fixed: container(`instanceLifecycleConfig:\n  initializer:\n    handler: "true"\n    timeout: 60\n  preStop:\n    timeout: 60\n    handler: "true"\n`),
    at: ['s.yaml', 'command:'],
  },
  // hook strings against the code
  {
    rule: 'hook-not-found',
    name: 'Node.js: the initializer names an export the module does not have',
    broken: node('nodejs20', NODE_ESM, hooks('index.init', undefined)),
    fixed: node('nodejs20', NODE_ESM, hooks('index.initialize', undefined)),
    at: ['s.yaml', 'handler: index.init'],
  },
  {
    rule: 'hook-not-found',
    name: 'Node.js: nodejs16 does not load index.mjs',
    broken: node('nodejs16', NODE_ESM),
    fixed: node('nodejs16', NODE_CJS("  context.logger.info('ready');\n  callback(null, '');"), hooks('index.initialize', undefined), 'index.js'),
    at: ['s.yaml', 'handler: index.initialize'],
  },
  {
    rule: 'hook-not-found',
    name: 'Python: the function is only in a comment and a docstring',
    broken: python(`${PY_HANDLER}\n\n# def initialize(context):\n#     pass\nNOTE = """\ndef initialize(context):\n"""\n`),
    fixed: python(`${PY_HANDLER}\n\ndef initialize(context):\n    pass\n`),
    at: ['s.yaml', 'handler: index.initialize'],
  },
  {
    rule: 'hook-not-found',
    name: 'Python: the hook file does not exist',
    broken: python(PY_INIT, hooks('hooks.initialize', undefined)),
    fixed: { ...python(PY_INIT, hooks('hooks.initialize', undefined)), 'code/hooks.py': 'def initialize(context):\n    pass\n' },
    at: ['s.yaml', 'handler: hooks.initialize'],
  },
  {
    rule: 'hook-not-found',
    name: 'PHP: the function is a class method, not a global function',
    broken: php('<?php\nfunction handler($event, $context) { return "ok"; }\n\nclass Hooks {\n    function initialize($context) {}\n}\n'),
    fixed: php('<?php\nfunction handler($event, $context) { return "ok"; }\n\nfunction Initialize($context) {}\n'),
    at: ['s.yaml', 'handler: index.initialize'],
  },
  {
    rule: 'hook-not-found',
    name: 'Java: the class does not exist',
    broken: java(JAVA_APP('StreamRequestHandler, FunctionInitializer'), hooks('example.Main::initialize', undefined)),
    fixed: java(JAVA_APP('StreamRequestHandler, FunctionInitializer'), hooks('example.App::initialize', undefined)),
    at: ['s.yaml', 'handler: example.Main::initialize'],
  },
  {
    rule: 'hook-not-found',
    name: 'C#: the method does not exist',
    broken: dotnet(CS('Initialize'), 'HelloFcApp::Example.Hello::Init'),
    fixed: dotnet(CS('Initialize'), 'HelloFcApp::Example.Hello::Initialize'),
    at: ['s.yaml', 'handler: HelloFcApp::Example.Hello::Init'],
  },
  {
    rule: 'hook-not-found',
    name: 'Go: preStop is configured but never registered',
    broken: go(GO_MAIN({ main: '\tfc.RegisterInitializerFunction(initialize)\n\t// fc.RegisterPreStopFunction(preStop)\n\tfc.Start(handler)' })),
    fixed: go(GO_MAIN()),
    at: ['s.yaml', 'handler: preStop'],
  },
  // signatures
  {
    rule: 'python-hook-signature',
    name: 'an initializer taking (event, context)',
    broken: python(`${PY_HANDLER}\n\ndef initialize(event, context):\n    pass\n`),
    fixed: python(`${PY_HANDLER}\n\ndef initialize(context, retries=3):\n    pass\n`),
    at: ['code/index.py', 'def initialize'],
  },
  {
    rule: 'php-hook-signature',
    name: 'a hook with two parameters',
    broken: php('<?php\nfunction handler($event, $context) { return "ok"; }\n\nfunction initialize($event, $context)\n{\n}\n'),
    fixed: php('<?php\nfunction handler($event, $context) { return "ok"; }\n\nfunction initialize($context, $event = null)\n{\n}\n'),
    at: ['code/index.php', 'function initialize'],
  },
  {
    rule: 'nodejs-callback',
    name: 'a nodejs16 initializer that never calls its callback',
    broken: node('nodejs16', NODE_CJS("  // forgot: callback(null, '');\n  context.logger.info('ready');"), hooks('index.initialize', undefined), 'index.js'),
    fixed: node('nodejs16', NODE_CJS("  setTimeout(() => callback(null, ''), 10);"), hooks('index.initialize', undefined), 'index.js'),
    at: ['code/index.js', 'exports.initialize'],
  },
  {
    rule: 'nodejs-callback',
    name: 'an async handler on nodejs14',
    broken: node('nodejs14', "exports.handler = async (event, context) => 'ok';\n", 'instanceLifecycleConfig: {}', 'index.js'),
    fixed: node('nodejs14', "exports.handler = (event, context, callback) => callback(null, 'ok');\n", 'instanceLifecycleConfig: {}', 'index.js'),
    at: ['code/index.js', 'exports.handler'],
  },
  {
    rule: 'nodejs-arity',
    name: 'an async hook taking (event, context)',
    broken: node('nodejs20', NODE_ESM.replace('async (context)', 'async (event, context)')),
    fixed: node('nodejs20', NODE_ESM),
    at: ['code/index.mjs', 'export const initialize'],
  },
  {
    rule: 'nodejs-arity',
    name: 'a CommonJS hook declared like a handler',
    broken: node('nodejs18', 'module.exports = {\n  handler: async (event, context) => "ok",\n  preStop(event, context, callback) {\n    callback(null, "");\n  },\n};\n', hooks(undefined, 'index.preStop'), 'index.js'),
    fixed: node('nodejs18', 'module.exports = {\n  handler: async (event, context) => "ok",\n  preStop(context, callback) {\n    callback(null, "");\n  },\n};\n', hooks(undefined, 'index.preStop'), 'index.js'),
    at: ['code/index.js', 'preStop(event'],
  },
  {
    rule: 'java-hook-interface',
    name: 'a class without PreStopHandler',
    broken: java(JAVA_APP('StreamRequestHandler, FunctionInitializer'), hooks('example.App::initialize', 'example.App::preStop')),
    fixed: java(JAVA_APP('StreamRequestHandler, FunctionInitializer, PreStopHandler'), hooks('example.App::initialize', 'example.App::preStop')),
    at: ['src/main/java/example/App.java', 'public class App'],
  },
  {
    rule: 'java-fc-core-version',
    name: 'PreStop with fc-java-core 1.3.0',
    broken: java(JAVA_APP('StreamRequestHandler, PreStopHandler'), hooks(undefined, 'example.App::preStop'), '1.3.0'),
    fixed: java(JAVA_APP('StreamRequestHandler, PreStopHandler'), hooks(undefined, 'example.App::preStop'), '1.4.0'),
    at: ['pom.xml', '<version>${fc.version}'],
  },
  {
    rule: 'go-register-after-start',
    name: 'RegisterPreStopFunction after fc.Start',
    broken: go(GO_MAIN({ main: '\tfc.RegisterInitializerFunction(initialize)\n\tfc.Start(handler)\n\tfc.RegisterPreStopFunction(preStop)' })),
    fixed: go(GO_MAIN()),
    at: ['code/main.go', '\tfc.RegisterPreStopFunction'],
  },
  {
    rule: 'go-hook-signature',
    name: 'an initializer that returns an error',
    broken: go(GO_MAIN({ initialize: 'func initialize(ctx context.Context) error {\n\treturn nil\n}' })),
    fixed: go(GO_MAIN()),
    at: ['code/main.go', 'func initialize'],
  },
  {
    rule: 'go-hook-signature',
    name: 'a func literal that takes the event',
    broken: go(GO_MAIN({ main: '\tfc.RegisterInitializerFunction(func(ctx context.Context, event []byte) {\n\t})\n\tfc.RegisterPreStopFunction(preStop)\n\tfc.Start(handler)' })),
    fixed: go(GO_MAIN({ main: '\tfc.RegisterInitializerFunction(func(ctx context.Context) {\n\t})\n\tfc.RegisterPreStopFunction(preStop)\n\tfc.Start(handler)' })),
    at: ['code/main.go', 'fc.RegisterInitializerFunction(func'],
  },
  {
    rule: 'go-sdk-version',
    name: 'PreStop with fc-runtime-go-sdk v0.0.4',
    broken: go(GO_MAIN(), hooks('initialize', 'preStop'), 'v0.0.4'),
    fixed: go(GO_MAIN(), hooks('initialize', 'preStop'), 'v0.1.0'),
    at: ['code/go.mod', 'require'],
  },
  // code without configuration
  {
    rule: 'hook-without-config',
    name: 'Python: a pre_stop function and no preStop in s.yaml',
    broken: python(`${PY_INIT}\n\ndef pre_stop(context):\n    pass\n`),
    fixed: python(`${PY_INIT}\n\ndef pre_stop(context):\n    pass\n`, `${hooks('index.initialize', undefined)}  preStop:\n    handler: ""\n    timeout: 60\n`),
    at: ['code/index.py', 'def pre_stop'],
  },
  {
    rule: 'hook-without-config',
    name: 'Go: RegisterPreStopFunction and no preStop in s.yaml',
    broken: go(GO_MAIN(), hooks('initialize', undefined)),
    fixed: go(GO_MAIN({ main: '\tfc.RegisterInitializerFunction(initialize)\n\tfc.Start(handler)' }).replace('func preStop(ctx context.Context) {\n}\n', ''), hooks('initialize', undefined)),
    at: ['code/main.go', 'fc.RegisterPreStopFunction'],
  },
  {
    rule: 'hook-without-config',
    name: 'Java: a class implementing FunctionInitializer and no initializer in s.yaml',
    broken: java(JAVA_APP('StreamRequestHandler, FunctionInitializer'), 'instanceLifecycleConfig: {}'),
    fixed: java(JAVA_APP('StreamRequestHandler'), 'instanceLifecycleConfig: {}'),
    at: ['src/main/java/example/App.java', 'public class App'],
  },
  // custom runtime servers
  {
    rule: 'custom-listen-address',
    name: 'Flask on 127.0.0.1',
    broken: customFlask('app.run(host="127.0.0.1", port=PORT)'),
    fixed: customFlask('app.run(host="0.0.0.0", port=PORT)'),
    at: ['code/app.py', 'app.run('],
  },
  {
    rule: 'custom-listen-address',
    name: "Flask's defaults (127.0.0.1:5000)",
    broken: customFlask('app.run(debug=False)'),
    fixed: customFlask('app.run("0.0.0.0", PORT, debug=False)'),
    at: ['code/app.py', 'app.run('],
  },
  {
    rule: 'custom-listen-address',
    name: 'Node.js on localhost',
    broken: customNode("server.listen(process.env.FC_CUSTOM_LISTEN_PORT, 'localhost');"),
    fixed: customNode('server.listen(process.env.FC_CUSTOM_LISTEN_PORT);'),
    at: ['code/server.js', 'server.listen'],
  },
  {
    rule: 'custom-listen-port',
    name: 'Node.js on a port FC does not send to',
    broken: customNode("const PORT = 8080;\nserver.listen(PORT, '0.0.0.0');"),
    fixed: customNode("const PORT = process.env.FC_CUSTOM_LISTEN_PORT || 8080;\nserver.listen(PORT, '0.0.0.0');"),
    at: ['code/server.js', 'server.listen'],
  },
  {
    rule: 'custom-listen-port',
    name: 'Go on a port FC does not send to',
    broken: customGo('":8000"'),
    fixed: customGo('":"+os.Getenv("FC_CUSTOM_LISTEN_PORT")'),
    at: ['code/main.go', 'http.ListenAndServe'],
  },
  {
    rule: 'custom-port-env',
    name: 'a fixed port that ignores FC_CUSTOM_LISTEN_PORT',
    broken: customNode('server.listen(9000);'),
    fixed: customNode('server.listen(process.env.FC_CUSTOM_LISTEN_PORT || 9000);'),
    at: ['code/server.js', 'server.listen'],
  },
];

describe.each(CASES)('$rule: $name', ({ rule, broken, fixed, at: [file, needle] }) => {
  test('fires on the broken project, at the line to fix', async () => {
    const found = (await findings(broken));
    expect(found.filter((f) => f.rule === rule), JSON.stringify(found, null, 2)).toContainEqual(
      expect.objectContaining({ rule, file, line: lineOf(broken[file]!, needle) }),
    );
  });

  test('the fixed project has no finding at all', async () => {
    expect((await findings(fixed))).toEqual([]);
  });
});

describe('reading projects as users write them', () => {
  test('vars references and merge keys are followed, and findings point at the line of the key', async () => {
    const text = `edition: 3.0.0
name: app
vars:
  region: cn-hangzhou
  runtime: python3.12
  hooks: &hooks
    instanceLifecycleConfig:
      initializer:
        handler: index.init
        timeout: 60
resources:
  fn:
    component: fc3
    props:
      <<: *hooks
      region: \${vars.region}
      functionName: fn
      runtime: \${vars.runtime}
      code: ./code
      handler: index.handler
`;
    expect((await findings({ 's.yaml': text, 'code/index.py': PY_INIT }))).toEqual([
      expect.objectContaining({ rule: 'hook-not-found', file: 's.yaml', line: lineOf(text, 'handler: index.init'), message: expect.stringContaining('code/index.py has no module-level function `init`') }),
    ]);
  });

  test('every fc3 resource is checked; other components are skipped', async () => {
    const one = sYaml('python3.10', `code: ./code\nhandler: index.handler\n${hooks('index.initialize', undefined)}`);
    const text = `${one}  other:\n    component: fc3\n    props:\n      functionName: other\n      runtime: nodejs20\n      code: ./other\n      handler: index.handler\n      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n  bucket:\n    component: oss\n    props:\n      bucket: b\n`;
    const found = (await findings({ 's.yaml': text, 'code/index.py': PY_INIT, 'other/index.mjs': NODE_ESM }));
    expect(found.map((f) => [f.rule, f.line])).toEqual([
      ['hook-timeout-missing', lineOf(text, '        preStop:')],
      ['hook-not-found', lineOf(text, 'handler: index.preStop')],
      ['hook-without-config', lineOf(NODE_ESM, 'export const initialize')],
    ]);
  });

  test('a finding in code several resources share names the resources it is about', async () => {
    // Two functions deployed from one code directory: only `a` configures the PreStop hook the code has.
    const a = sYaml('python3.10', `code: ./code\nhandler: index.handler\n${hooks(undefined, 'index.pre_stop')}`);
    const text = `${a}  b:\n    component: fc3\n    props:\n      functionName: b\n      runtime: python3.10\n      code: ./code\n      handler: index.handler\n`;
    const code = `${PY_HANDLER}\n\ndef pre_stop(context):\n    pass\n`;
    const found = (await findings({ 's.yaml': text, 'code/index.py': code })).filter((f) => f.file === 'code/index.py');
    expect(found).toEqual([expect.objectContaining({ rule: 'hook-without-config', message: expect.stringMatching(/^resource b: /) })]);
    // Code of one resource only: no name needed.
    expect((await findings(python(code))).find((f) => f.rule === 'hook-without-config')?.message).not.toMatch(/^resources? /);
  });

  test('the empty form that switches a deployed hook off is not a problem', async () => {
    const lifecycle = 'instanceLifecycleConfig:\n  initializer:\n    handler: ""\n    timeout: 60\n    command: []\n  preStop:\n    handler: ""\n';
    expect((await findings(python(`${PY_INIT}\n\ndef pre_stop(context):\n    pass\n`, lifecycle)))).toEqual([]);
  });

  test('exports and functions the doctor cannot list are given the benefit of the doubt', async () => {
    expect((await findings(node('nodejs20', "export * from './hooks.mjs';\nexport const handler = async () => 'ok';\n")))).toEqual([]);
    expect((await findings(node('nodejs16', "module.exports = require('./app');\n", hooks('index.initialize', undefined), 'index.js')))).toEqual([]);
    expect((await findings(python(`from hooks import (\n    initialize,\n)\n${PY_HANDLER}`)))).toEqual([]);
    expect((await findings(php('<?php\nrequire_once __DIR__ . "/hooks.php";\nfunction handler($event, $context) { return "ok"; }\n')))).toEqual([]);
    const app = JAVA_APP('StreamRequestHandler').replace('public class App', 'public class App extends com.acme.BaseHandler');
    expect((await findings(java(app, hooks('example.App::initialize', 'example.App::preStop'))))).toEqual([]);
    expect((await findings({ ...python(PY_HANDLER, hooks('hooks.initialize', undefined)), 'code/hooks/__init__.py': 'def initialize(context):\n    pass\n' }))).toEqual([]);
  });

  test("a Flask app started by gunicorn is not judged by its app.run(); one started by bootstrap is", async () => {
    const debugRun = FLASK('app.run(debug=True)');
    const gunicorn = sYaml('custom.debian10', `code: ./code\nhandler: index.handler\ncustomRuntimeConfig:\n  command: [gunicorn, -b, "0.0.0.0:9000", "app:app"]\n${hooks('"true"', '"true"')}`);
    expect((await findings({ 's.yaml': gunicorn, 'code/app.py': debugRun }))).toEqual([]);
    const bootstrapped = sYaml('custom.debian10', `code: ./code\nhandler: index.handler\n${hooks('"true"', '"true"')}`);
    const found = (await findings({ 's.yaml': bootstrapped, 'code/app.py': debugRun, 'code/bootstrap': '#!/bin/bash\nexec python3 app.py\n' }));
    expect(found.map((f) => f.rule)).toEqual(['custom-listen-address', 'custom-listen-port']);
  });

  test('hooks declared in comments, strings or nested blocks are not taken for real ones', async () => {
    const code = `${PY_HANDLER}\n\nclass Hooks:\n    def initialize(self, event, context):\n        pass\n\n\nHELP = "def initialize(event, context):"\n`;
    expect((await findings(python(code))).map((f) => f.rule)).toEqual(['hook-not-found']);
  });
});

describe('every generated project passes with no finding', () => {
  describe.each(RUNTIMES.flatMap((definition) => definition.ids))('%s', (runtime) => {
    test.each(HOOK_COMBINATIONS)('$name', async ({ answers }) => {
      const { root } = await generateProject({ runtime, ...answers });
      expect((await diagnose(root)).findings).toEqual([]);
    });

    // Proves the silence above comes from reading the code, not from skipping it: with the hooks
    // deleted from s.yaml, the doctor finds both of them in the generated code.
    test('with instanceLifecycleConfig deleted from s.yaml, both hooks are found in the code', async () => {
      const { root } = await generateProject({ runtime });
      const doc = parseDocument(readFileSync(join(root, 's.yaml'), 'utf8'));
      const [key] = Object.keys(doc.toJS().resources);
      doc.deleteIn(['resources', key, 'props', 'instanceLifecycleConfig']);
      writeFileSync(join(root, 's.yaml'), doc.toString());
      expect((await diagnose(root)).findings.map((f) => [f.rule, f.severity])).toEqual([
        ['hook-without-config', 'warning'],
        ['hook-without-config', 'warning'],
      ]);
    });
  });
});

test.each([
  { runtime: 'custom', server: 'node' },
  { runtime: 'custom.debian10', server: 'node', preStop: false },
  { runtime: 'custom-container', gpu: 'fc.gpu.tesla.1' },
  { runtime: 'custom-container', gpu: 'fc.gpu.ampere.1', initializerCommand: '/code/warm-up.sh' },
  { runtime: 'custom-container', gpu: 'fc.gpu.ampere.1', initializerCommand: '/code/warm-up.sh', preStop: false },
])('generated variant %j passes with no finding', async (answers) => {
  const { root } = await generateProject(answers);
  expect((await diagnose(root)).findings).toEqual([]);
});

describe.each(RUNTIMES)('$family: projects changed by add and remove pass with no finding', (definition) => {
  const quiet = (cwd: string): Io => ({ stdout: () => {}, stderr: () => {}, interactive: false, cwd });

  test.each(definition.ids)('%s: add both hooks to a project without hooks', async (runtime) => {
    const { root } = await generateProject({ runtime, initializer: false, preStop: false });
    const { initializer, preStop } = definition.defaults;
    expect(await main(['add', '.', '--initializer', initializer, '--pre-stop', preStop, '--yes'], quiet(root))).toBe(0);
    expect((await diagnose(root)).findings).toEqual([]);
  });

  // remove leaves the hook code in place and writes the empty form, which the doctor accepts.
  test.each(definition.ids)('%s: remove both hooks', async (runtime) => {
    const { root } = await generateProject({ runtime });
    expect(await main(['remove', '.', '--initializer', '--pre-stop', '--yes'], quiet(root))).toBe(0);
    expect((await diagnose(root)).findings).toEqual([]);
  });
});

describe('CLI', () => {
  function doctor(args: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false, cwd };
    return main(['doctor', ...args], io).then((status) => ({ status, stdout, stderr }));
  }

  const broken = () => writeProject({ ...python(`${PY_HANDLER}\n\ndef initialize(event, context):\n    pass\n`), 'code/extra.py': '' });

  test('one line per finding, paths relative to the working directory, then a summary; exit 1 on an error', async () => {
    const root = broken();
    const { status, stdout, stderr } = await doctor([root.split('/').pop()!], dirname(root));
    const name = root.split('/').pop();
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      `${name}/code/index.py:8: error: python-hook-signature: initializer hook index.initialize is def initialize(event, context), but FC calls it with the context only (no event), so it raises TypeError: declare def initialize(context)`,
      `1 error, 0 warnings in 1 fc3 resource of ${name}/s.yaml`,
      '',
    ]);
  });

  test('exit 0 with warnings only, and with no finding', async () => {
    const warned = writeProject(python(PY_INIT, 'instanceLifecycleConfig:\n  initializer:\n    handler: index.initialize\n'));
    const warning = await doctor([], warned);
    expect(warning.status).toBe(0);
    expect(warning.stdout).toMatch(/^s\.yaml:\d+: warning: hook-timeout-missing: .*\n0 errors, 1 warning in 1 fc3 resource of s\.yaml\n$/);
    const clean = await doctor(['.'], writeProject(python(PY_INIT)));
    expect(clean).toEqual({ status: 0, stdout: 'no problems found in 1 fc3 resource of s.yaml\n', stderr: '' });
  });

  test('--json prints an array of {file, line, severity, rule, message} and keeps the exit code', async () => {
    const root = broken();
    const { status, stdout } = await doctor(['--json'], root);
    expect(status).toBe(1);
    const parsed = JSON.parse(stdout) as Record<string, unknown>[];
    expect(parsed).toEqual([
      { file: 'code/index.py', line: 8, severity: 'error', rule: 'python-hook-signature', message: expect.stringContaining('def initialize(event, context)') },
    ]);
    expect(JSON.parse((await doctor(['--json'], writeProject(python(PY_INIT)))).stdout)).toEqual([]);
  });

  test.each([
    [['missing-dir'], 'error: dir: "missing-dir" does not exist\n'],
    [[], 'error: dir: no s.yaml or s.yml in "." (run the doctor in a Serverless Devs project)\n'],
    [['--fix'], 'error: --fix: unknown option (see doctor --help)\n'],
    [['a', 'b'], 'error: dir: only one directory may be given, got "a" "b"\n'],
  ])('bad input %j: one error line, exit 1', async (args, message) => {
    const result = await doctor(args, tempDir('fc-doctor-empty-'));
    expect(result).toEqual({ status: 1, stdout: '', stderr: message });
  });

  test('an s.yaml it cannot read is bad input too', async () => {
    const invalid = await doctor([], writeProject({ 's.yaml': 'resources: [\n' }));
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toBe('error: s.yaml: not valid YAML at line 2: Flow sequence in block collection must be sufficiently indented and end with a ]: (an empty line, or the end of the file)\n');
    const fc2 = await doctor([], writeProject({ 's.yaml': 'edition: 1.0.0\nservices:\n  app:\n    component: fc\n' }));
    expect(fc2.stderr).toBe('error: s.yaml: is in the Serverless Devs 2.x format (services:, component fc); convert it with `s cli fc3 s2tos3` first\n');
  });
});
