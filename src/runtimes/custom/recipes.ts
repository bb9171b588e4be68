// Recipes for the Flask server that custom runtimes and custom containers run: a small PyMySQL pool
// (the server is threaded) or a redis-py client on a blocking pool. The clients go into the same
// requirements.txt as Flask, so the family's own install step (pre-deploy pip into code/python, or the
// image's pip install) installs them.
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import { render } from '../../templates.ts';
import type { ProjectSpec, RuntimeOptions } from '../../spec.ts';
import { nodeClient, nodeClientPackages } from '../nodejs/recipes.ts';
import { PYMYSQL_VERSION, REDIS_PY_VERSION } from '../python/recipes.ts';
import type { PlannedFile, RecipeDefinition, ReadmeParts } from '../types.ts';

const CLIENTS: Record<ServiceRecipe, { requirement: string; about: string }> = {
  mysql: { requirement: `PyMySQL==${PYMYSQL_VERSION}`, about: 'PyMySQL (a pool of up to 4 connections)' },
  redis: { requirement: `redis==${REDIS_PY_VERSION}`, about: 'redis (redis-py, a blocking pool of up to 4)' },
};

const TEST_COMMAND = 'python3 -m unittest discover -s tests -v';

/** The Flask server's files for a recipe; `data` is the family's server template data. */
export function flaskRecipeFiles(recipe: ServiceRecipe, data: object): PlannedFile[] {
  const recipeData = { ...data, ...recipeTemplateData(recipe), clientRequirement: CLIENTS[recipe].requirement };
  return [
    { path: 'code/app.py', contents: render('custom/recipes/app.py', recipeData) },
    { path: 'code/requirements.txt', contents: render('custom/recipes/requirements.txt', recipeData) },
    { path: 'tests/test_lifecycle.py', contents: render('custom/recipes/test_lifecycle.py', recipeData) },
  ];
}

/** The README parts of a Flask recipe: `installed` says where requirements.txt goes before deploy. */
export function flaskRecipeReadme(recipe: ServiceRecipe, installed: string, extraNotes: string[]): ReadmeParts {
  const client = CLIENTS[recipe];
  return {
    files: [
      { path: 'code/app.py', about: `the Flask server: hooks and requests around ${client.about} per instance` },
      { path: 'code/requirements.txt', about: `Flask and ${client.requirement}; ${installed}` },
      { path: 'tests/test_lifecycle.py', about: `starts \`python3 app.py\` and plays one instance against a real ${recipe} server, checking the server's view (\`unittest\`)` },
    ],
    testCommand: TEST_COMMAND,
    notes: [...extraNotes, ...recipeReadmeNotes(recipe, TEST_COMMAND)],
  };
}

/** How a server family writes a recipe; `client` names the client for the spec's server. */
interface ServerRecipeParts {
  files(spec: ProjectSpec, recipe: ServiceRecipe): PlannedFile[];
  readme(spec: ProjectSpec, recipe: ServiceRecipe): ReadmeParts;
  actions?: RecipeDefinition['actions'];
  unsupported?(options: RuntimeOptions, runtime: string, recipe: ServiceRecipe): string | undefined;
}

/** Both recipes of a server family (custom runtimes, custom containers). */
export function serverRecipes(parts: ServerRecipeParts): Record<ServiceRecipe, RecipeDefinition<Record<string, never>>> {
  const recipeFor = (recipe: ServiceRecipe): RecipeDefinition<Record<string, never>> => ({
    client: CLIENTS[recipe].about,
    generatedNames: [],
    ...(parts.unsupported && { unsupported: (options: RuntimeOptions, runtime: string) => parts.unsupported!(options, runtime, recipe) }),
    ...(parts.actions && { actions: parts.actions }),
    files: (spec) => parts.files(spec, recipe),
    readme: (spec) => parts.readme(spec, recipe),
  });
  return { mysql: recipeFor('mysql'), redis: recipeFor('redis') };
}

/** The node:http server's files for a recipe (custom runtimes with Node.js 12 or newer). */
export function nodeServerRecipeFiles(spec: ProjectSpec, recipe: ServiceRecipe, data: object): PlannedFile[] {
  const recipeData = { ...data, ...recipeTemplateData(recipe) };
  return [
    { path: 'code/server.js', contents: render('custom/recipes/server.js', recipeData) },
    { path: 'test/lifecycle.test.mjs', contents: render('custom/recipes/lifecycle.test.mjs', recipeData) },
    ...nodeClientPackages(spec, recipe),
  ];
}

export function nodeServerRecipeReadme(recipe: ServiceRecipe, node: string, extraNotes: string[]): ReadmeParts {
  const client = nodeClient(recipe);
  const testCommand = 'npm test';
  return {
    files: [
      { path: 'code/server.js', about: `the HTTP server (node:http), run by the Node.js ${node} of the runtime: hooks and requests around one ${client.about} per instance` },
      { path: 'code/package.json', about: `${client.name} ${client.version}, installed into code/ before \`s deploy\`` },
      { path: 'test/lifecycle.test.mjs', about: `starts \`node server.js\` and plays one instance against a real ${recipe} server, checking the server's view (\`node --test\`)` },
      { path: 'package.json', about: 'local scripts only; `npm test` installs code/ first' },
    ],
    testCommand,
    notes: [...extraNotes, ...recipeReadmeNotes(recipe, testCommand)],
  };
}
