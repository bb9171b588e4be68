// `--language typescript` for Node.js functions and node servers: the source in src/*.ts, built by a
// pinned esbuild into the ES module s.yaml's `code` directory holds (FC loads `.mjs` as an ES module on
// nodejs18+ and Node.js 20 loads it the same way, with no package.json "type" to keep in step), and
// type-checked by a pinned tsc in `npm test`.
import { fail, oneOf } from '../../errors.ts';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../languages.ts';
import type { ProjectSpec, RuntimeOptions } from '../../spec.ts';
import type { PlannedFile } from '../types.ts';

// Pinned build tools, one constant each so a bot or a maintainer bumps them in one place (a test keeps
// them equal to the versions this repository builds and tests the generated projects with).
/** npm esbuild: builds src/*.ts into code/ before each deploy and before the local test. */
export const ESBUILD_VERSION = '0.28.2';
/** npm typescript: `tsc --noEmit` in the project's `npm test`. */
export const TYPESCRIPT_VERSION = '5.9.3';
/** npm @types/node: the node: modules and Buffer for tsc (Node.js 20 types serve nodejs18 too). */
export const TYPES_NODE_VERSION = '20.19.43';

/**
 * The language answer: undefined for JavaScript (the spec stays as it was), 'typescript' when asked
 * for and `refusal` (why this runtime or server cannot have it) is undefined.
 */
export function resolveLanguage(answer: string | undefined, refusal: string | undefined): 'typescript' | undefined {
  const language = answer ?? DEFAULT_LANGUAGE;
  oneOf('language', language, LANGUAGES);
  if (language !== 'typescript') return undefined;
  if (refusal) fail('language', refusal);
  return 'typescript';
}

/** Why a recipe is refused with TypeScript (the recipes are written in JavaScript only), if it is. */
export function recipeLanguageRefusal(recipe: string, options: RuntimeOptions): string | undefined {
  return options.language ? `the ${recipe} recipe is written in JavaScript only; use --language javascript, or no recipe with TypeScript` : undefined;
}

/** What the build turns into what: `source` (e.g. src/index.ts) into `built` (e.g. code/index.mjs), for Node.js `node` (major). */
export interface TypeScriptBuild {
  source: string;
  built: string;
  node: number;
}

/** The esbuild command line of `npm run build`: one bundled ES module for the runtime's Node.js. */
export function buildCommand(build: TypeScriptBuild): string {
  return `esbuild ${build.source} --bundle --platform=node --format=esm --target=node${build.node} --outfile=${build.built}`;
}

const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

/** package.json (build, type-check and test scripts, the pinned tools) and tsconfig.json of a TypeScript project. */
export function typeScriptProjectFiles(spec: ProjectSpec, build: TypeScriptBuild, testFile: string): PlannedFile[] {
  return [
    {
      path: 'package.json',
      contents: json({
        name: spec.functionName,
        private: true,
        description: `Function Compute function with lifecycle hooks, in TypeScript; npm run build writes ${build.built}, and code/ is what gets deployed`,
        type: 'module',
        scripts: {
          build: buildCommand(build),
          typecheck: 'tsc --noEmit',
          test: `tsc --noEmit && npm run build && node --test ${testFile}`,
          deploy: 's deploy',
        },
        devDependencies: { '@types/node': TYPES_NODE_VERSION, esbuild: ESBUILD_VERSION, typescript: TYPESCRIPT_VERSION },
      }),
    },
    {
      path: 'tsconfig.json',
      contents: json({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          types: ['node'],
          skipLibCheck: true,
        },
        include: ['src'],
      }),
    },
  ];
}

/** s.yaml's pre-deploy actions: install the pinned tools, then build code/ from src/. */
export function typeScriptActions(build: TypeScriptBuild) {
  return {
    actions: {
      'pre-deploy': [
        { run: 'npm install --no-audit --no-fund', path: './' },
        { run: 'npm run build', path: './' },
      ],
    },
    comment: `Before deploying, builds ${build.built} from ${build.source} (esbuild, package.json's build script);\nthe install step fetches the pinned esbuild and typescript when node_modules/ is not there yet.`,
  };
}

/** How to run a TypeScript project's test from a fresh clone: the tools first (a no-op once installed). */
export const TYPESCRIPT_TEST_COMMAND = 'npm install && npm test';

/** The README note of a TypeScript project. */
export function typeScriptNote(build: TypeScriptBuild): string {
  return (
    `Written in TypeScript: edit \`${build.source}\`, not \`${build.built}\`, which \`npm run build\` writes ` +
    `(esbuild ${ESBUILD_VERSION}, one ES module for Node.js ${build.node}) and \`s deploy\` rebuilds first ` +
    `(pre-deploy actions in s.yaml). Run \`npm install\` once for esbuild, typescript and @types/node; ` +
    '`npm test` type-checks (`tsc --noEmit`), builds, and runs the lifecycle test against the built file; ' +
    '`create-fc-lifecycle run` runs the built file too, so build first.'
  );
}
