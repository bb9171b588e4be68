// Recipes for the Flask server that custom runtimes and custom containers run: a small PyMySQL pool
// (the server is threaded) or a redis-py client on a blocking pool. The clients go into the same
// requirements.txt as Flask, so the family's own install step (pre-deploy pip into code/python, or the
// image's pip install) installs them.
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import { render } from '../../templates.ts';
import type { ProjectSpec } from '../../spec.ts';
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

/** A recipe of a family whose Flask files come from `files` and README from `readme`. */
export function flaskRecipes(
  files: (spec: ProjectSpec, recipe: ServiceRecipe) => PlannedFile[],
  readme: (spec: ProjectSpec, recipe: ServiceRecipe) => ReadmeParts,
): Record<ServiceRecipe, RecipeDefinition<Record<string, never>>> {
  const recipeFor = (recipe: ServiceRecipe): RecipeDefinition<Record<string, never>> => ({
    client: CLIENTS[recipe].about,
    generatedNames: [],
    unsupported: (options) => (options.server === 'node' ? `${recipe} is written for the Flask server only; use --server flask` : undefined),
    files: (spec) => files(spec, recipe),
    readme: (spec) => readme(spec, recipe),
  });
  return { mysql: recipeFor('mysql'), redis: recipeFor('redis') };
}
