// Custom runtimes and containers: FC calls an HTTP server (POST /initialize, GET /pre-stop), which must
// listen on 0.0.0.0 at the configured port, given in FC_CUSTOM_LISTEN_PORT (spec §1.8, §1.9). Static
// reading of the server's listen call: Node.js `.listen(…)`, Flask `app.run(…)`, Go `http.ListenAndServe(…)`.
import { dirname, extname, join } from 'node:path';
import { codeDir, readOnce } from '../../doctor/code.ts';
import { type SourceFile } from '../../source/file.ts';
import { cached, dirNames, findFiles, readSource, readText, runCache, statOnce } from '../../source/disk.ts';
import { typeScriptBuildBeside } from '../nodejs/typescript-source.ts';
import type { CodeModel, Hit, HookKind, Project, Resource, Rule } from '../../doctor/types.ts';
import { routeIn, ROUTES } from './code.ts';

const SERVER_EXTENSIONS = ['.js', '.mjs', '.cjs', '.py', '.go'];
/** FC's port when customRuntimeConfig.port / customContainerConfig.port is not set (spec §1.8). */
const DEFAULT_PORT = 9000;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

const isCustom = (resource: Resource) => resource.family === 'custom' || resource.family === 'container';

/** Where the server's code is: `code`, or for a container without `code` the folder of its only Dockerfile. */
export function serverDir(resource: Resource, project: Project): string | undefined {
  const dir = codeDir(resource);
  if (dir || resource.family !== 'container') return dir;
  const dockerfiles = findFiles(project.root, (name) => name === 'Dockerfile');
  return dockerfiles.length === 1 ? dirname(dockerfiles[0]!) : undefined;
}

/** A start command line as words: a JSON array (exec form) or whitespace-separated (shell form). */
function commandWords(line: string): string[] {
  try {
    const words: unknown = JSON.parse(line);
    if (Array.isArray(words)) return words.map(String);
  } catch {
    // shell form
  }
  return line.trim().split(/\s+/);
}

/**
 * The words of the start command: customRuntimeConfig command/args (else the runtime's default
 * /code/bootstrap script), customContainerConfig entrypoint/command, the Dockerfile's CMD/ENTRYPOINT.
 */
function startWords(resource: Resource, dir: string): string[] {
  const config = resource.custom ?? {};
  const words = ['command', 'args', 'entrypoint'].flatMap((key) => (Array.isArray(config[key]) ? (config[key] as unknown[]).map(String) : []));
  const dockerfile = join(dir, 'Dockerfile');
  const dockerText = resource.family === 'container' ? readText(dockerfile) : undefined;
  if (dockerText !== undefined) {
    for (const [, line] of dockerText.matchAll(/^\s*(?:CMD|ENTRYPOINT)\s+(.+)$/gim)) words.push(...commandWords(line!));
  }
  const bootstrap = join(dir, 'bootstrap');
  const bootstrapText = words.length === 0 && resource.family === 'custom' ? readText(bootstrap) : undefined;
  if (bootstrapText !== undefined) {
    words.push(...bootstrapText.split('\n').filter((line) => !line.trim().startsWith('#')).flatMap(commandWords));
  }
  return words;
}

interface ServerFile {
  file: SourceFile;
  /** Run as the program itself (`python3 app.py`), so its `if __name__ == "__main__"` part runs too. */
  direct: boolean;
}

const serverFilesOf = runCache<Resource, ServerFile[]>();

/**
 * The server's source files: those the start command names, else every source file at the top of the
 * code folder, run directly only when there is no start command to say otherwise (gunicorn, a binary).
 * Worked out once per resource in a doctor run: every custom rule asks.
 */
export function serverFiles(resource: Resource, project: Project): ServerFile[] {
  return cached(serverFilesOf, resource, () => {
    const typeScript = typeScriptServer(resource);
    if (typeScript) return [typeScript];
    const dir = isCustom(resource) ? serverDir(resource, project) : undefined;
    if (!dir) return [];
    const words = startWords(resource, dir);
    const named = words.filter((word) => SERVER_EXTENSIONS.includes(extname(word))).map((word) => join(dir, word.replace(/^\/code\//, '')));
    const direct = named.some((path) => statOnce(path) !== undefined);
    const paths = direct ? named : dirNames(dir).filter((name) => SERVER_EXTENSIONS.includes(extname(name))).sort().map((name) => join(dir, name));
    return paths.flatMap((path) => {
      const file = readSource(path);
      return file ? [{ file, direct: direct || words.length === 0 }] : [];
    });
  });
}

type Port = number | 'env' | undefined;

/** The value of a port or host expression: a literal, a name assigned a literal, or FC_CUSTOM_LISTEN_PORT. */
function evaluate(file: SourceFile, expression: string, depth = 0): string | 'env' | undefined {
  const text = expression.trim();
  if (text.includes('FC_CUSTOM_LISTEN_PORT')) return 'env';
  const literal = /^(?:\d+|(['"`])([^'"`]*)\1)$/.exec(text);
  if (literal) return literal[1] ? literal[2] : text;
  if (!/^[A-Za-z_$][\w$]*$/.test(text) || depth > 3) return undefined;
  const assigned = new RegExp(`(?:^|[^\\w$.])${text.replace(/\$/g, '\\$')}\\s*:?=(?!=)\\s*([^;\\n]+)`, 'm').exec(file.code);
  return assigned ? evaluate(file, assigned[1]!, depth + 1) : undefined;
}

function toPort(value: string | 'env' | undefined): Port {
  if (value === 'env') return 'env';
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

interface Listen {
  file: SourceFile;
  line: number;
  /** The call as people know it, for messages. */
  call: string;
  host: string | 'env' | undefined;
  port: Port;
}

/** A keyword argument (Python) or property (JavaScript object) among call arguments. */
function named(args: string[], name: string): string | undefined {
  for (const arg of args) {
    const match = new RegExp(`^${name}\\s*[=:](?!=)\\s*([\\s\\S]+)$`).exec(arg.trim());
    if (match) return match[1];
  }
  return undefined;
}

/** Flask's `app.run(host, port)`; without them Flask listens on 127.0.0.1:5000. */
function flaskRuns(file: SourceFile): Listen[] {
  const app = /^(\w+)\s*=\s*Flask\s*\(/m.exec(file.bare)?.[1];
  if (!app) return [];
  return [...file.matches(new RegExp(`\\b${app}\\.run\\s*\\(`))].map((m) => {
    const args = file.items(m.index + m[0].length - 1);
    const positional = args.filter((arg) => !/^\w+\s*=(?!=)/.test(arg));
    const host = named(args, 'host') ?? positional[0];
    const port = named(args, 'port') ?? positional[1];
    return { file, line: file.lineAt(m.index), call: `${app}.run()`, host: host ? evaluate(file, host) : '127.0.0.1', port: port ? toPort(evaluate(file, port)) : 5000 };
  });
}

/** Go's `http.ListenAndServe("host:port", …)`, the address maybe built with +, e.g. ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"). */
function goListens(file: SourceFile): Listen[] {
  return [...file.matches(/\bhttp\.ListenAndServe(?:TLS)?\s*\(/)].map((m) => {
    const parts = (file.items(m.index + m[0].length - 1)[0] ?? '').split('+').map((part) => evaluate(file, part));
    const call = { file, line: file.lineAt(m.index), call: 'http.ListenAndServe()' };
    if (parts.includes('env')) return { ...call, host: parts[0] === 'env' ? undefined : parts[0]?.replace(/:$/, ''), port: 'env' as const };
    const address = parts.every((part) => part !== undefined) ? parts.join('') : '';
    const colon = address.lastIndexOf(':');
    return colon < 0 ? { ...call, host: undefined, port: undefined } : { ...call, host: address.slice(0, colon), port: toPort(address.slice(colon + 1)) };
  });
}

/** Node.js `server.listen(port, host?, …)` or `listen({ port, host })`; without a host it listens on every interface. */
function nodeListens(file: SourceFile): Listen[] {
  return [...file.matches(/\.listen\s*\(/)].map((m) => {
    const args = file.items(m.index + m[0].length - 1);
    const options = args[0]?.startsWith('{') ? args[0].slice(1, -1).split(',') : undefined;
    const port = options ? named(options, 'port') : args[0];
    const host = options ? named(options, 'host') : args[1] !== undefined && !/=>|function/.test(args[1]) ? args[1] : undefined;
    return { file, line: file.lineAt(m.index), call: '.listen()', host: host ? evaluate(file, host) : '', port: port ? toPort(evaluate(file, port)) : undefined };
  });
}

/** The listen calls of a server file (read once per file: three rules ask); Flask's app.run only runs when the file is the program. */
function listens({ file, direct }: ServerFile): Listen[] {
  const ext = extname(file.path);
  if (ext === '.py') return direct ? readOnce(file, flaskRuns) : [];
  return readOnce(file, ext === '.go' ? goListens : nodeListens);
}

function expectedPort(resource: Resource): number {
  const port = Number(resource.custom?.port ?? DEFAULT_PORT);
  return Number.isInteger(port) ? port : DEFAULT_PORT;
}

const portKey = (resource: Resource) => (resource.family === 'container' ? 'customContainerConfig.port' : 'customRuntimeConfig.port');

export const customModel: CodeModel = {
  resolveHook: () => undefined,
  hooksInCode(resource, project) {
    return serverFiles(resource, project).flatMap(({ file }) =>
      (Object.keys(ROUTES) as HookKind[]).flatMap((kind) => {
        const route = routeIn(file, kind);
        return route ? [{ kind, file: file.path, line: route.line, what: `route ${ROUTES[kind].path}` }] : [];
      }));
  },
};

/** spec §1.8: a server on 127.0.0.1 is unreachable from FC, and the instance fails with FunctionNotStarted. */
const listenAddress: Rule = {
  id: 'custom-listen-address',
  severity: 'error',
  check(resource, project) {
    return serverFiles(resource, project).flatMap(listens).flatMap((listen): Hit[] =>
      typeof listen.host === 'string' && LOOPBACK.test(listen.host)
        ? [{ file: listen.file.path, line: listen.line, message: `${listen.call} listens on ${listen.host}, which FC cannot reach (the instance fails with FunctionNotStarted): listen on 0.0.0.0` }]
        : []);
  },
};

/** spec §1.8/§1.9: FC sends requests and hooks to the configured port (FC_CUSTOM_LISTEN_PORT), 9000 by default. */
const listenPort: Rule = {
  id: 'custom-listen-port',
  severity: 'error',
  check(resource, project) {
    const expected = expectedPort(resource);
    return serverFiles(resource, project).flatMap(listens).flatMap((listen): Hit[] =>
      typeof listen.port === 'number' && listen.port !== expected
        ? [{ file: listen.file.path, line: listen.line, message: `${listen.call} listens on port ${listen.port}, but FC sends requests and hooks to ${expected} (${portKey(resource)}): read the port from FC_CUSTOM_LISTEN_PORT` }]
        : []);
  },
};

/** spec §1.8: a custom runtime gives the port in FC_CUSTOM_LISTEN_PORT; a fixed port breaks when customRuntimeConfig.port changes. */
const portEnv: Rule = {
  id: 'custom-port-env',
  severity: 'warning',
  check(resource, project) {
    if (resource.family !== 'custom') return [];
    return serverFiles(resource, project).flatMap(listens).flatMap((listen): Hit[] =>
      listen.port === expectedPort(resource) && !listen.file.code.includes('FC_CUSTOM_LISTEN_PORT')
        ? [{ file: listen.file.path, line: listen.line, message: `${listen.call} listens on the fixed port ${listen.port} and ignores FC_CUSTOM_LISTEN_PORT, so it stops answering when customRuntimeConfig.port changes: read the port from FC_CUSTOM_LISTEN_PORT (default ${DEFAULT_PORT})` }]
        : []);
  },
};

export const customRules: Rule[] = [listenAddress, listenPort, portEnv];

/**
 * A node server written in TypeScript (`--language typescript`): when the start command runs the file
 * package.json's build writes (code/server.mjs from src/server.ts), the source is what is read, built
 * or not (the built file is absent before the first build and replaced by each).
 */
function typeScriptServer(resource: Resource): ServerFile | undefined {
  if (resource.family !== 'custom' || !resource.code) return undefined;
  const build = typeScriptBuildBeside(resource.code);
  const started = build && startWords(resource, resource.code).some((word) => join(resource.code!, word.replace(/^\/code\//, '')) === build.built);
  const file = started ? readSource(build.source) : undefined;
  return file && { file, direct: true };
}
