// Custom runtimes (spec §1.8): the project is an HTTP server that FC starts with
// customRuntimeConfig.command and calls for requests (any path) and hooks (POST /initialize,
// GET /pre-stop). The server is Flask or plain node:http, for the interpreters each runtime has built in.
import { fail, oneOf } from '../../errors.ts';
import type { ProjectSpec, ServerKind } from '../../spec.ts';
import { render } from '../../templates.ts';
import { hookRoutes } from './routes.ts';
import { checkOpaqueEntries, DEFAULT_PORT, ENTRY_NOTE, serverTemplateData } from './server.ts';
import { flaskRecipeFiles, flaskRecipeReadme, nodeServerRecipeFiles, nodeServerRecipeReadme, serverRecipes } from './recipes.ts';
import { nodeClientActions } from '../nodejs/recipes.ts';
import { defineRuntime } from '../types.ts';
import { recipeLanguageRefusal, resolveLanguage, typeScriptActions, typeScriptNote, TYPESCRIPT_TEST_COMMAND, typeScriptProjectFiles, type TypeScriptBuild } from '../nodejs/typescript.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

/** FC's PATH for custom runtimes, as the official templates spell it out when they prepend to it. */
const BASE_PATH = '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/bin';

/**
 * The interpreters each custom runtime has built in (FC docs, "Custom runtimes > Environment
 * information"): the python3 version and, when it is not on the default PATH, its bin directory;
 * Node.js likewise. Debian 11 and 12 have no Node.js built in.
 */
const BUILT_IN: Record<string, { python: string; pythonBin?: string; node?: string; nodeBin?: string }> = {
  custom: { python: '3.7', node: '10' },
  'custom.debian10': { python: '3.10', pythonBin: '/var/fc/lang/python3.10/bin', node: '20', nodeBin: '/var/fc/lang/nodejs20/bin' },
  'custom.debian11': { python: '3.12', pythonBin: '/var/fc/lang/python3.12/bin' },
  'custom.debian12': { python: '3.11' },
};

/** The servers a custom runtime can be generated with; the first is the default. */
export function serversFor(runtime: string): ServerKind[] {
  return BUILT_IN[runtime]!.node ? ['flask', 'node'] : ['flask'];
}

const SERVERS = {
  flask: { file: 'app.py', command: ['python3', 'app.py'] },
  node: { file: 'server.js', command: ['node', 'server.js'] },
} as const;

/** The node server in TypeScript: src/server.ts, built into the ES module FC starts. */
const TYPESCRIPT_SERVER = { file: 'server.mjs', command: ['node', 'server.mjs'] } as const;

/** The server file and the command FC starts it with. */
function serverOf(spec: ProjectSpec) {
  return spec.language ? TYPESCRIPT_SERVER : SERVERS[spec.server!];
}

/** Why `--language typescript` is refused for this runtime and server, if it is. */
function typeScriptRefusal(runtime: string, server: ServerKind): string | undefined {
  if (server !== 'node') return 'typescript is for the node server; add --server node (the Flask server is Python)';
  const node = Number(BUILT_IN[runtime]!.node);
  return node < 12 ? `typescript is built to an ES module, which the Node.js ${node} of ${runtime} does not load; use custom.debian10 (Node.js 20)` : undefined;
}

/** The TypeScript server's build, for the runtime's built-in Node.js. */
function typeScriptBuild(spec: ProjectSpec): TypeScriptBuild {
  return { source: 'src/server.ts', built: `code/${TYPESCRIPT_SERVER.file}`, node: Number(BUILT_IN[spec.runtime]!.node) };
}

export const custom = defineRuntime<Record<string, never>>({
  ...cardFields(family),
  options: {
    keys: family.card.optionKeys,
    resolve(answers, runtime) {
      const servers = serversFor(runtime);
      const server = answers.server ?? servers[0]!;
      oneOf('server', server, Object.keys(SERVERS));
      if (!(servers as string[]).includes(server)) {
        fail('server', `${runtime} has no Node.js built in; use --server flask, or runtime custom.debian10 (Node.js 20) or custom (Node.js 10)`);
      }
      const language = resolveLanguage(answers.language, typeScriptRefusal(runtime, server as ServerKind));
      return { server: server as ServerKind, ...(language && { language }) };
    },
  },
  parseEntries: checkOpaqueEntries,
  files(spec) {
    const data = customServerData(spec);
    if (spec.language) {
      return [
        { path: 'src/server.ts', contents: render('custom/typescript/server.ts', data) },
        { path: 'test/lifecycle.test.mjs', contents: render('custom/lifecycle.test.mjs', data) },
        ...typeScriptProjectFiles(spec, typeScriptBuild(spec), 'test/lifecycle.test.mjs'),
      ];
    }
    if (spec.server === 'node') {
      return [
        { path: 'code/server.js', contents: render('custom/server.js', data) },
        { path: 'test/lifecycle.test.mjs', contents: render('custom/lifecycle.test.mjs', data) },
      ];
    }
    return [
      { path: 'code/app.py', contents: render('custom/app.py', data) },
      { path: 'code/requirements.txt', contents: render('custom/requirements.txt', data) },
      { path: 'tests/test_lifecycle.py', contents: render('custom/test_lifecycle.py', data) },
    ];
  },
  resource(spec) {
    const server = serverOf(spec);
    const builtIn = BUILT_IN[spec.runtime]!;
    const bin = spec.server === 'node' ? builtIn.nodeBin : builtIn.pythonBin;
    const environmentVariables = {
      ...(bin && { PATH: `${bin}:${BASE_PATH}` }),
      ...(spec.server === 'flask' && { PYTHONPATH: '/code/python' }),
    };
    return {
      props: {
        code: './code',
        handler: spec.handler,
        customRuntimeConfig: { command: [...server.command], port: DEFAULT_PORT },
        ...(Object.keys(environmentVariables).length > 0 && { environmentVariables }),
      },
      ...(spec.language && { actions: typeScriptActions(typeScriptBuild(spec)).actions }),
      ...(spec.server === 'flask' && {
        actions: {
          'pre-deploy': [
            {
              run: `python3 -m pip install --upgrade --target python --platform manylinux2014_x86_64 --implementation cp --python-version ${builtIn.python} --only-binary=:all: -r requirements.txt`,
              path: './code',
            },
          ],
        },
      }),
      comments: {
        'props.handler': 'Not used by a custom runtime (the server gets every request), but FC needs it set.',
        'props.customRuntimeConfig': `FC starts the server with this command in /code and sends requests to this port\n(it also gives the port in FC_CUSTOM_LISTEN_PORT).`,
        ...(spec.language && { actions: typeScriptActions(typeScriptBuild(spec)).comment }),
        ...(spec.server === 'flask' && {
          actions: `Before deploying, installs Flask into code/python (PYTHONPATH below) as wheels for\nPython ${builtIn.python}, the python3 of ${spec.runtime}, whatever your local Python is.`,
        }),
      },
    };
  },
  // The Flask pre-deploy action pip-installs into code/python/, which is built, not source.
  // The TypeScript build writes code/server.mjs from src/server.ts.
  ignoredPaths: (spec) => (spec.server === 'flask' ? ['code/python/'] : spec.language ? [typeScriptBuild(spec).built] : []),
  readme(spec) {
    const builtIn = BUILT_IN[spec.runtime]!;
    if (spec.language) {
      const build = typeScriptBuild(spec);
      return {
        files: [
          { path: build.source, about: `the HTTP server (node:http only) with strict types, built into ${build.built} and run by the Node.js ${builtIn.node} of ${spec.runtime}: hooks and requests` },
          { path: 'test/lifecycle.test.mjs', about: "starts the built `node server.mjs` on a free port and plays FC's part over HTTP (`node --test`)" },
          { path: 'package.json', about: 'build (esbuild), type-check (tsc) and test scripts with the pinned tools; it is not deployed (code/ is)' },
          { path: 'tsconfig.json', about: 'strict type-checking of src/ (`tsc --noEmit`; esbuild builds)' },
        ],
        testCommand: TYPESCRIPT_TEST_COMMAND,
        notes: [ENTRY_NOTE, typeScriptNote(build)],
      };
    }
    if (spec.server === 'node') {
      return {
        files: [
          { path: 'code/server.js', about: `the HTTP server (node:http only), run by the Node.js ${builtIn.node} of ${spec.runtime}: hooks and requests` },
          { path: 'test/lifecycle.test.mjs', about: "starts `node server.js` on a free port and plays FC's part over HTTP (`node --test`)" },
        ],
        testCommand: 'node --test test/lifecycle.test.mjs',
        notes: [ENTRY_NOTE],
      };
    }
    return {
      files: [
        { path: 'code/app.py', about: 'the Flask server: hooks and requests' },
        { path: 'code/requirements.txt', about: `Flask; installed into \`code/python\` for Python ${builtIn.python} before each deploy` },
        { path: 'tests/test_lifecycle.py', about: "starts `python3 app.py` on a free port and plays FC's part over HTTP (`unittest`)" },
      ],
      testCommand: 'python3 -m unittest discover -s tests -v',
      notes: [
        ENTRY_NOTE,
        'The local test needs Flask for your `python3`: `python3 -m pip install -r code/requirements.txt` ' +
          '(or `apt-get install python3-flask` on Debian). `s deploy` first installs Flask into `code/python` ' +
          `for Python ${builtIn.python}, the \`python3\` of ${spec.runtime} (pre-deploy action in s.yaml).`,
      ],
    };
  },
  httpTrigger: 'server',
  recipes: serverRecipes({
    files: (spec, recipe) =>
      spec.server === 'node' ? nodeServerRecipeFiles(spec, recipe, customServerData(spec)) : flaskRecipeFiles(recipe, customServerData(spec)),
    readme: (spec, recipe) =>
      spec.server === 'node'
        ? nodeServerRecipeReadme(recipe, BUILT_IN[spec.runtime]!.node!, [ENTRY_NOTE])
        : flaskRecipeReadme(recipe, `installed into \`code/python\` for Python ${BUILT_IN[spec.runtime]!.python} before each deploy`, [ENTRY_NOTE]),
    actions: (spec) => (spec.server === 'node' ? nodeClientActions(spec.recipe!) : undefined),
    // mysql2 and ioredis need Node.js 12 or newer.
    unsupported: (options, runtime, recipe) =>
      recipeLanguageRefusal(recipe, options) ??
      (options.server === 'node' && Number(BUILT_IN[runtime]!.node) < 12
        ? `needs Node.js 12 or newer with --server node; ${runtime} has Node.js ${BUILT_IN[runtime]!.node}: use custom.debian10 or --server flask`
        : undefined),
  }),
});

/** The server templates' data for a custom runtime (Flask's also names the Python it runs on). */
function customServerData(spec: ProjectSpec) {
  const server = serverOf(spec);
  const data = serverTemplateData(spec, spec.server!, {
    startCommand: server.command.join(' '),
    startedBy: 'customRuntimeConfig.command in s.yaml',
    commandInitializer: false,
  });
  return { ...data, serverFile: server.file, ...(spec.language && { typeScriptRoutes: hookRoutes('node-typescript') }), pythonVersion: BUILT_IN[spec.runtime]!.python, pythonWhere: `built into ${spec.runtime}` };
}
