// Node.js recipes: the mysql2 promise pool and the ioredis client, installed into code/ before deploy.
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import { render } from '../../templates.ts';
import { templateData } from '../common.ts';
import type { NodeNames } from './entries.ts';
import { recipeLanguageRefusal } from './typescript.ts';
import type { ProjectSpec } from '../../spec.ts';
import type { PlannedFile, RecipeDefinition } from '../types.ts';

// Pinned client versions, one constant each so a bot or a maintainer bumps them in one place.
/** npm mysql2 (its promise API: mysql2/promise). */
export const MYSQL2_VERSION = '3.11.5';
/** npm ioredis. */
export const IOREDIS_VERSION = '5.4.1';

const CLIENTS: Record<ServiceRecipe, { name: string; version: string; about: string }> = {
  mysql: { name: 'mysql2', version: MYSQL2_VERSION, about: 'mysql2 (promise pool)' },
  redis: { name: 'ioredis', version: IOREDIS_VERSION, about: 'ioredis' },
};

const TEST_COMMAND = 'npm test';

/** The Node.js client of a recipe, as the README's table and code/package.json name it. */
export function nodeClient(recipe: ServiceRecipe) {
  return CLIENTS[recipe];
}

/**
 * code/package.json (the client, installed into code/node_modules before deploy) and the project's
 * package.json (local scripts: `npm test` installs code/ first), for Node.js functions and servers.
 */
export function nodeClientPackages(spec: ProjectSpec, recipe: ServiceRecipe): PlannedFile[] {
  const client = CLIENTS[recipe];
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    {
      path: 'code/package.json',
      contents: json({
        name: spec.functionName,
        private: true,
        description: 'What code/ needs at run time; s deploy installs it (pre-deploy action in s.yaml)',
        dependencies: { [client.name]: client.version },
      }),
    },
    {
      path: 'package.json',
      contents: json({
        name: spec.functionName,
        private: true,
        description: 'Function Compute function with lifecycle hooks; code/ is what gets deployed',
        scripts: { pretest: 'npm install --prefix code --no-audit --no-fund', test: 'node --test test/lifecycle.test.mjs', deploy: 's deploy' },
      }),
    },
  ];
}

/** The pre-deploy action that installs the client into code/node_modules. */
export function nodeClientActions(recipe: ServiceRecipe) {
  return {
    actions: { 'pre-deploy': [{ run: 'npm install --omit=dev --no-audit --no-fund', path: './code' }] },
    comment: `Before deploying, installs ${CLIENTS[recipe].name} into code/node_modules (code/package.json).`,
  };
}

function nodeRecipe(recipe: ServiceRecipe): RecipeDefinition<NodeNames> {
  const client = CLIENTS[recipe];
  return {
    client: client.about,
    generatedNames: ['closeResource'],
    unsupported: (options) => recipeLanguageRefusal(recipe, options),
    files(spec, names) {
      const data = { ...templateData(spec, names), ...recipeTemplateData(recipe) };
      return [
        { path: `code/${names.entryFile}`, contents: render('nodejs/recipes/entry', data) },
        { path: 'test/lifecycle.test.mjs', contents: render('nodejs/recipes/lifecycle.test.mjs', data) },
        ...nodeClientPackages(spec, recipe),
      ];
    },
    actions: () => nodeClientActions(recipe),
    readme(spec, names) {
      return {
        files: [
          { path: `code/${names.entryFile}`, about: `the handler and hooks around one ${client.about} per instance` },
          { path: 'code/package.json', about: `${client.name} ${client.version}, installed into code/ before \`s deploy\`` },
          { path: 'test/lifecycle.test.mjs', about: `plays one instance against a real ${recipe} server and checks the server's view (\`node --test\`)` },
          { path: 'package.json', about: 'local scripts only; `npm test` installs code/ first' },
        ],
        testCommand: TEST_COMMAND,
        notes: recipeReadmeNotes(recipe, TEST_COMMAND),
      };
    },
  };
}

export const nodeRecipes = { mysql: nodeRecipe('mysql'), redis: nodeRecipe('redis') };
