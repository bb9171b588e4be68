// The doctor's rules for code that refuses requests until an initializer ran while s.yaml runs none:
// handler-needs-initializer (built-in runtimes) and server-waits-for-initialize (custom runtimes and
// containers). test/fixtures/doctor-guards holds projects written by an older version of this generator
// (see its README) with the initializer switched off as `remove --initializer` does: each is flagged at
// its guard, and stays quiet once s.yaml runs the initializer again. Hand-written guards are caught too,
// and unrelated refusals are not.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import { diagnose, type Finding } from '../src/doctor/index.ts';
import { runtimeFor } from '../src/runtimes/generators.ts';
import { tempDir } from './helpers/generate.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/doctor-guards', import.meta.url));
const WARM_UP = ['/bin/sh', '-c', '/code/warm-up.sh'];

type Files = Record<string, string>;

function copyFixture(name: string): string {
  const root = join(tempDir('fc-guards-'), name);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

function writeProject(files: Files): string {
  const root = tempDir('fc-guards-');
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** Findings with paths relative to the project. */
async function findingsIn(root: string): Promise<Finding[]> {
  return (await diagnose(root)).findings.map((finding) => ({ ...finding, file: finding.file.slice(root.length + 1) }));
}

/** Replaces (or with `undefined` deletes) the resource's instanceLifecycleConfig.initializer in s.yaml. */
function setInitializer(root: string, initializer: Record<string, unknown> | undefined): void {
  const path = join(root, 's.yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const [key] = Object.keys(doc.toJS().resources);
  const at = ['resources', key, 'props', 'instanceLifecycleConfig', 'initializer'];
  if (initializer) doc.setIn(at, doc.createNode(initializer));
  else doc.deleteIn(at);
  writeFileSync(path, doc.toString());
}

/** 1-based line where `pattern` first matches `text`. */
function lineOf(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no ${pattern} in the fixture`);
  return text.slice(0, match.index).split('\n').length;
}

// Each fixture, the rule, the file and the guard it is flagged at (frozen copies of the old templates).
const OLD_PROJECTS = [
  { name: 'nodejs14', runtime: 'nodejs14', file: 'code/index.js', guard: /if \(!resource\) \{\n\s*callback\(new Error/ },
  { name: 'nodejs20', runtime: 'nodejs20', file: 'code/index.mjs', guard: /if \(!resource\) \{\n\s*throw/ },
  { name: 'python3.10', runtime: 'python3.10', file: 'code/index.py', guard: /if resource is None:\n\s*raise/ },
  { name: 'php7.2', runtime: 'php7.2', file: 'code/index.php', guard: /if \(\$GLOBALS\['resource'\] === null\) \{\n\s*throw/ },
  { name: 'java11', runtime: 'java11', file: 'src/main/java/example/App.java', guard: /if \(resource == null\) \{\n\s*throw/ },
  { name: 'go1', runtime: 'go1', file: 'code/main.go', guard: /if resource == nil \{\n\s*return nil, errors\.New/ },
  { name: 'dotnetcore3.1', runtime: 'dotnetcore3.1', file: 'HelloFcApp/Hello.cs', guard: /if \(resource == null\)\s*\{\s*throw/ },
  { name: 'custom.debian10-flask', runtime: 'custom.debian10', file: 'code/app.py', guard: /if resource is None:\n\s*# FC never sends/ },
  { name: 'custom.debian10-node', runtime: 'custom.debian10', file: 'code/server.js', guard: /if \(!resource\) \{\n\s*\/\/ FC never sends/ },
  { name: 'custom-container', runtime: 'custom-container', file: 'code/app.py', guard: /if resource is None:\n\s*# FC never sends/ },
  { name: 'custom-container-gpu-command', runtime: 'custom-container', file: 'code/app.py', guard: /if resource is None:\n\s*# FC never sends/ },
].map((fixture) => {
  const definition = runtimeFor(fixture.runtime);
  const builtIn = definition.family !== 'custom' && definition.family !== 'container';
  const gpu = fixture.name.includes('gpu');
  return {
    ...fixture,
    rule: builtIn ? 'handler-needs-initializer' : 'server-waits-for-initialize',
    /** The initializer as the generator writes it when it is on. */
    on: gpu ? { command: WARM_UP, timeout: 60 } : { handler: definition.defaults.initializer as string, timeout: 60 },
  };
});

describe.each(OLD_PROJECTS)('$name, written by an older version', ({ name, file, guard, rule, on }) => {
  test(`${rule} at the guard, with why the initializer does not run and the fix`, async () => {
    const root = copyFixture(name);
    const line = lineOf(readFileSync(join(root, file), 'utf8'), guard);
    const why = name.endsWith('gpu-command')
      ? 'the initializer is the command `/bin/sh -c echo warm-up done`, which FC runs instead of calling the code and never POSTs /initialize'
      : 'the initializer is switched off in s.yaml (handler "")';
    expect((await findingsIn(root))).toEqual([{ file, line, severity: 'error', rule, message: expect.stringContaining(`, but ${why}, so `) }]);
    expect((await findingsIn(root))[0]!.message).toMatch(/through one accessor, .*, that creates it when there is none yet .*; or configure /);
  });

  test('quiet once s.yaml runs the initializer again', async () => {
    const root = copyFixture(name);
    setInitializer(root, on);
    expect((await findingsIn(root))).toEqual([]);
  });

  test('flagged as well when s.yaml has no initializer at all', async () => {
    const root = copyFixture(name);
    setInitializer(root, undefined);
    const found = (await findingsIn(root)).filter((finding) => finding.rule === rule);
    expect(found.map((finding) => [finding.file, finding.message.includes('but s.yaml configures no initializer, so')])).toEqual([[file, true]]);
  });
});

test('a built-in handler is flagged when the initializer is only a command, which never calls the code', async () => {
  const root = copyFixture('nodejs20');
  setInitializer(root, { command: ['/bin/sh', '-c', 'true'], timeout: 60 });
  const found = (await findingsIn(root)).filter((finding) => finding.rule === 'handler-needs-initializer');
  expect(found.map((finding) => finding.message)).toEqual([expect.stringContaining('but the initializer is the command `/bin/sh -c true`, which FC runs instead of calling the code, so ')]);
});

test('the CLI prints the finding as path:line and exits 1', async () => {
  const root = copyFixture('python3.10');
  const out: string[] = [];
  const io: Io = { stdout: (text) => out.push(text), stderr: (text) => out.push(text), interactive: false, cwd: root };
  expect(await main(['doctor', '.'], io)).toBe(1);
  const line = lineOf(readFileSync(join(root, 'code/index.py'), 'utf8'), /if resource is None:\n\s*raise/);
  expect(out.join('')).toMatch(new RegExp(`^code/index\\.py:${line}: error: handler-needs-initializer: handler index\\.handler refuses the request `));
});

describe('a GPU command initializer counts when it POSTs /initialize', () => {
  const withCommand = async (command: string[], extra: Files = {}) => {
    const root = copyFixture('custom-container-gpu-command');
    setInitializer(root, command.length > 0 ? { command, timeout: 60 } : { command, timeout: 60, handler: '' });
    for (const [path, contents] of Object.entries(extra)) writeFileSync(join(root, path), contents);
    return (await findingsIn(root)).map((finding) => finding.rule);
  };

  test('the generated warm-up script, or a command that POSTs the route itself: quiet', async () => {
    expect(await withCommand(WARM_UP)).toEqual([]);
    expect(await withCommand(['/bin/sh', '-c', './warm-up.sh'])).toEqual([]);
    expect(await withCommand(['/bin/sh', '-c', 'curl -sf -X POST http://127.0.0.1:9000/initialize'])).toEqual([]);
  });

  test('a script the project does not hold cannot be read, so it is given the benefit of the doubt', async () => {
    expect(await withCommand(['/bin/sh', '-c', '/opt/warm.sh'])).toEqual([]);
  });

  test('a script of the code folder that never calls /initialize, or a plain command: flagged', async () => {
    expect(await withCommand(['/bin/sh', '-c', '/code/prefetch.sh'], { 'code/prefetch.sh': '#!/bin/sh\ncurl -s http://127.0.0.1:9000/healthz\n' })).toEqual(['server-waits-for-initialize']);
    expect(await withCommand(['/bin/sh', '-c', 'echo warm-up done'])).toEqual(['server-waits-for-initialize']);
  });

  test('switched off the way remove --initializer writes it (command [], handler ""): flagged', async () => {
    expect(await withCommand([])).toEqual(['server-waits-for-initialize']);
  });
});

/** An s.yaml with one fc3 resource whose initializer is switched off (`handler: ""`), as `remove` leaves it. */
function sYaml(runtime: string, handler: string, code = './code'): string {
  return `edition: 3.0.0
name: app
access: default
resources:
  fn:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: fn
      runtime: ${runtime}
      code: ${code}
      handler: ${handler}
      instanceLifecycleConfig:
        initializer:
          handler: ""
          timeout: 60
`;
}

const GO_MOD = 'module example.com/fn\n\ngo 1.20\n\nrequire github.com/aliyun/fc-runtime-go-sdk v0.3.1\n';
const goMain = (check: string) => `package main

import (
\t"context"
\t"errors"

\t"github.com/aliyun/fc-runtime-go-sdk/fc"
)

type Client struct{}

var client *Client

func initialize(ctx context.Context) {
\tclient = &Client{}
}

func handle(ctx context.Context, event []byte) (string, error) {
${check}
\treturn "ok", errors.Unwrap(nil)
}

func main() {
\tfc.RegisterInitializerFunction(initialize)
\tfc.Start(handle)
}
`;

const javaApp = (check: string) => `package example;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.StreamRequestHandler;
import java.io.*;

public class App implements StreamRequestHandler, FunctionInitializer {
    private static Object client;

    @Override
    public void initialize(Context context) throws IOException {
        client = new Object();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ${check}
        output.write(client.toString().getBytes());
    }
}
`;

const csApp = (check: string) => `using System;
using System.IO;
using Aliyun.Serverless.Core;

namespace Example
{
    public class Hello
    {
        static bool _ready;

        public void Initialize(IFcContext context)
        {
            _ready = true;
        }

        public Stream StreamHandler(Stream input, IFcContext context)
        {
            ${check}
            return input;
        }
    }
}
`;

const flaskApp = (check: string) => `import os
from flask import Flask, request

app = Flask(__name__)
model = None


@app.route("/initialize", methods=["POST"])
def initialize():
    global model
    model = load_model()
    return "OK"


@app.route("/invoke", methods=["POST"])
def invoke():
${check}
    return model.predict(request.get_data())


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("FC_CUSTOM_LISTEN_PORT", "9000")))
`;

const project = (runtime: string, handler: string, files: Files, code?: string): Files => ({ 's.yaml': sYaml(runtime, handler, code), ...files });

// Hand-written guards: [name, project, file, the guard's `if` (undefined: must not be flagged)].
const HAND_WRITTEN: [string, Files, string, RegExp | undefined][] = [
  ['nodejs20: an "initialized" flag', project('nodejs20', 'index.handler', {
    'code/index.mjs': "let initialized = false;\nlet db;\n\nexport const initialize = async (context) => {\n  db = await connect();\n  initialized = true;\n};\n\nexport const handler = async (event, context) => {\n  if (!initialized) throw new Error('not ready');\n  return db.query(event);\n};\n",
  }), 'code/index.mjs', /if \(!initialized\)/],
  ['nodejs20: an unrelated throw, and a resource made lazily', project('nodejs20', 'index.handler', {
    'code/index.mjs': "let db;\n\nexport const initialize = async (context) => {\n  db = await connect();\n};\n\nexport const handler = async (event, context) => {\n  if (!event) throw new Error('empty event');\n  if (!db) {\n    db = await connect();\n  }\n  return db.query(event);\n};\n",
  }), 'code/index.mjs', undefined],
  ['nodejs18: an HTTP 503 while what the initializer makes is missing', project('nodejs18', 'index.handler', {
    'code/index.mjs': "let db;\n\nexport const initialize = async (context) => {\n  db = await connect();\n};\n\nexport const handler = async (event, context) => {\n  if (!db) {\n    return { statusCode: 503, body: 'warming up' };\n  }\n  return { statusCode: 200, body: await db.query(event) };\n};\n",
  }), 'code/index.mjs', /if \(!db\)/],
  ['nodejs18: a message about initializing something else', project('nodejs18', 'index.handler', {
    'code/index.mjs': "let db;\n\nexport const initialize = async (context) => {\n  db = await connect();\n};\n\nexport const handler = async (event, context) => {\n  if (!event.config) throw new Error('cannot initialize the parser without a config');\n  return db.query(event);\n};\n",
  }), 'code/index.mjs', undefined],
  ['nodejs18: the handler connects itself first and refuses only when that failed', project('nodejs18', 'index.handler', {
    'code/index.mjs': "let db;\n\nexport const initialize = async (context) => {\n  db = await connect();\n};\n\nexport const handler = async (event, context) => {\n  if (!db) db = await tryConnect();\n  if (!db) throw new Error('database unavailable');\n  return db.query(event);\n};\n",
  }), 'code/index.mjs', undefined],
  ['nodejs16: the callback fails while the client the initializer makes is missing', project('nodejs16', 'index.handler', {
    'code/index.js': "let client = null;\n\nexports.initialize = (context, callback) => {\n  client = makeClient();\n  callback(null, '');\n};\n\nexports.handler = (event, context, callback) => {\n  if (!client) return callback(new Error('no client yet'));\n  callback(null, client.send(event));\n};\n",
  }), 'code/index.js', /if \(!client\)/],
  ['nodejs16: the callback fails on a bad event', project('nodejs16', 'index.handler', {
    'code/index.js': "let client = null;\n\nexports.initialize = (context, callback) => {\n  client = makeClient();\n  callback(null, '');\n};\n\nexports.handler = (event, context, callback) => {\n  if (!event) {\n    callback(new Error('empty event'));\n    return;\n  }\n  callback(null, client.send(event));\n};\n",
  }), 'code/index.js', undefined],
  ['python3.10: a "ready" flag', project('python3.10', 'index.handler', {
    'code/index.py': 'ready = False\n\n\ndef initialize(context):\n    global ready\n    ready = True\n\n\ndef handler(event, context):\n    if not ready:\n        raise RuntimeError("warming up")\n    return "ok"\n',
  }), 'code/index.py', /if not ready:/],
  ['python3.10: an unrelated raise', project('python3.10', 'index.handler', {
    'code/index.py': 'client = None\n\n\ndef initialize(context):\n    global client\n    client = make_client()\n\n\ndef handler(event, context):\n    if event is None: raise ValueError("empty event")\n    if client is None:\n        return "no client, nothing sent"\n    return client.send(event)\n',
  }), 'code/index.py', undefined],
  ['php7.2: isset of what the initializer sets', project('php7.2', 'index.handler', {
    'code/index.php': "<?php\nfunction initialize($context) {\n    $GLOBALS['db'] = connect();\n}\n\nfunction handler($event, $context) {\n    if (!isset($GLOBALS['db'])) {\n        throw new Exception('call initialize first');\n    }\n    return $GLOBALS['db']->query($event);\n}\n",
  }), 'code/index.php', /if \(!isset/],
  ['php7.2: an unrelated throw', project('php7.2', 'index.handler', {
    'code/index.php': "<?php\nfunction initialize($context) {\n    $GLOBALS['db'] = connect();\n}\n\nfunction handler($event, $context) {\n    if ($event === null) {\n        throw new InvalidArgumentException('empty event');\n    }\n    return $GLOBALS['db']->query($event);\n}\n",
  }), 'code/index.php', undefined],
  ['java11: the client the initializer makes', project('java11', 'example.App::handleRequest', {
    'src/main/java/example/App.java': javaApp('if (client == null) throw new IllegalStateException("client missing");'),
  }, './target/fn.jar'), 'src/main/java/example/App.java', /if \(client == null\)/],
  ['java11: an unrelated throw', project('java11', 'example.App::handleRequest', {
    'src/main/java/example/App.java': javaApp('if (input == null) throw new IllegalArgumentException("no input");'),
  }, './target/fn.jar'), 'src/main/java/example/App.java', undefined],
  ['go1: a panic while the client is missing', project('go1', 'main', { 'code/go.mod': GO_MOD, 'code/main.go': goMain('\tif client == nil {\n\t\tpanic("client missing")\n\t}') }),
    'code/main.go', /if client == nil/],
  ['go1: an unrelated error', project('go1', 'main', { 'code/go.mod': GO_MOD, 'code/main.go': goMain('\tif event == nil {\n\t\treturn "", errors.New("empty event")\n\t}') }),
    'code/main.go', undefined],
  ['dotnetcore3.1: a "ready" flag', project('dotnetcore3.1', 'HelloFcApp::Example.Hello::StreamHandler', {
    'HelloFcApp/Hello.cs': csApp('if (!_ready) { throw new InvalidOperationException("Initialize has not run"); }'),
  }, './HelloFcApp/target'), 'HelloFcApp/Hello.cs', /if \(!_ready\)/],
  ['dotnetcore3.1: an unrelated throw', project('dotnetcore3.1', 'HelloFcApp::Example.Hello::StreamHandler', {
    'HelloFcApp/Hello.cs': csApp('if (input == null) { throw new ArgumentNullException(nameof(input)); }'),
  }, './HelloFcApp/target'), 'HelloFcApp/Hello.cs', undefined],
  ['custom.debian10: Flask answers 503 while the model /initialize loads is missing', project('custom.debian10', 'index.handler', {
    'code/app.py': flaskApp('    if model is None:\n        return "loading", 503'), 'code/bootstrap': '#!/bin/bash\nexec python3 app.py\n',
  }), 'code/app.py', /if model is None:/],
  ['custom.debian10: Flask answers 503 on the line of its guard', project('custom.debian10', 'index.handler', {
    'code/app.py': flaskApp('    if model is None: return {"error": "loading"}, 503'), 'code/bootstrap': '#!/bin/bash\nexec python3 app.py\n',
  }), 'code/app.py', /if model is None:/],
  ['custom.debian10: Flask answers 503 for an unrelated reason', project('custom.debian10', 'index.handler', {
    'code/app.py': flaskApp('    if request.content_type is None:\n        return "send a content type", 503'), 'code/bootstrap': '#!/bin/bash\nexec python3 app.py\n',
  }), 'code/app.py', undefined],
];

describe('hand-written guards', () => {
  test.each(HAND_WRITTEN)('%s', async (_name, files, file, guard) => {
    const root = writeProject(files);
    const found = (await findingsIn(root)).filter((finding) => finding.rule === 'handler-needs-initializer' || finding.rule === 'server-waits-for-initialize');
    const expected = guard ? [[file, lineOf(files[file]!, guard)]] : [];
    expect(found.map((finding) => [finding.file, finding.line])).toEqual(expected);
  });
});
