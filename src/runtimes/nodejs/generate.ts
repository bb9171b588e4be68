import { fail } from '../../errors.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import { nodeModuleStyle } from './module-style.ts';
import { parseNodejsEntries, type NodeNames } from './entries.ts';
import { nodeRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import type { ProjectSpec } from '../../spec.ts';
import { resolveLanguage, typeScriptActions, typeScriptNote, TYPESCRIPT_TEST_COMMAND, typeScriptProjectFiles, type TypeScriptBuild } from './typescript.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

export const nodejs = defineRuntime<NodeNames>({
  ...cardFields(family),
  options: {
    keys: family.card.optionKeys,
    resolve(answers, runtime) {
      const esm = nodeModuleStyle(runtime) === 'esm';
      const language = resolveLanguage(answers.language, esm ? undefined : `typescript is built to an ES module, which ${runtime} does not load; use nodejs18 or nodejs20`);
      return language ? { language } : {};
    },
  },
  parseEntries: parseNodejsEntries,
  files(spec, names) {
    const data = templateData(spec, names);
    if (spec.language) {
      const build = typeScriptBuild(spec, names);
      if (names.file === 'fc-types') fail('handler', 'src/fc-types.ts holds the FC types of a TypeScript project; name the handler file otherwise');
      return [
        { path: build.source, contents: render('nodejs/typescript/entry.ts', data) },
        { path: 'src/fc-types.ts', contents: render('nodejs/typescript/fc-types.ts', data) },
        { path: 'test/lifecycle.test.mjs', contents: render('nodejs/lifecycle.test.mjs', data) },
        ...typeScriptProjectFiles(spec, build, 'test/lifecycle.test.mjs'),
      ];
    }
    return [
      { path: `code/${names.entryFile}`, contents: render(`nodejs/${names.style}/entry`, data) },
      { path: 'test/lifecycle.test.mjs', contents: render('nodejs/lifecycle.test.mjs', data) },
      { path: 'package.json', contents: render('nodejs/package.json', data) },
    ];
  },
  resource(spec, names) {
    const props = { code: './code', handler: spec.handler };
    if (!spec.language) return { props };
    const { actions, comment } = typeScriptActions(typeScriptBuild(spec, names));
    return { props, actions, comments: { actions: comment } };
  },
  // The TypeScript build writes the entry file; src/ is the source.
  ignoredPaths: (spec) => (spec.language ? [`code/${entryFileOf(spec)}`] : []),
  readme(spec, names) {
    if (spec.language) {
      const build = typeScriptBuild(spec, names);
      return {
        files: [
          { path: build.source, about: 'the handler and hooks as async functions with strict types; built into ' + build.built },
          { path: 'src/fc-types.ts', about: "the types of FC's context and event, written in the project (no FC package needed)" },
          { path: 'test/lifecycle.test.mjs', about: "plays FC's part against the built " + build.built + ' with a fake FC context, calling the hooks s.yaml switches on, and an instance with no initializer (`node --test`)' },
          { path: 'package.json', about: 'build (esbuild), type-check (tsc) and test scripts with the pinned tools; it is not deployed (code/ is)' },
          { path: 'tsconfig.json', about: 'strict type-checking of src/ (`tsc --noEmit`; esbuild builds)' },
        ],
        testCommand: TYPESCRIPT_TEST_COMMAND,
        notes: [typeScriptNote(build)],
      };
    }
    return {
      files: [
        {
          path: `code/${names.entryFile}`,
          about: names.style === 'esm'
            ? 'the handler and hooks as an ES module with async functions (nodejs18 and newer)'
            : 'the handler and hooks in CommonJS with callbacks (nodejs16 and older must call the callback)',
        },
        { path: 'test/lifecycle.test.mjs', about: "plays FC's part with a fake FC context, calling the hooks s.yaml switches on, and an instance with no initializer (`node --test`)" },
        { path: 'package.json', about: 'local scripts only; it is not deployed (code/ is)' },
      ],
      testCommand: 'npm test',
    };
  },
  httpTrigger: 'handler',
  recipes: nodeRecipes,
});

/** The entry file a spec's handler names (`index.mjs`). */
function entryFileOf(spec: ProjectSpec): string {
  return nodejs.parseEntries({ handler: spec.handler }, spec.runtime).entryFile;
}

/** A TypeScript function's build: src/<file>.ts into code/<file>.mjs, for the runtime's Node.js. */
function typeScriptBuild(spec: ProjectSpec, names: NodeNames): TypeScriptBuild {
  return { source: `src/${names.file}.ts`, built: `code/${names.entryFile}`, node: Number(spec.runtime.replace('nodejs', '')) };
}
