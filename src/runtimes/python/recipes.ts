// Python recipes: PyMySQL (one connection, ping(reconnect=True)) and redis, installed into code/.
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import { render } from '../../templates.ts';
import type { DottedNames } from '../../entry.ts';
import { templateData } from '../common.ts';
import type { RecipeDefinition } from '../types.ts';

// Pinned client versions, one constant each so a bot or a maintainer bumps them in one place.
/** PyPI PyMySQL (pure Python, Python 3.7+). */
export const PYMYSQL_VERSION = '1.1.1';
/** PyPI redis (redis-py, pure Python, Python 3.7+). */
export const REDIS_PY_VERSION = '5.0.8';

const CLIENTS: Record<ServiceRecipe, { requirement: string; about: string }> = {
  mysql: { requirement: `PyMySQL==${PYMYSQL_VERSION}`, about: 'PyMySQL (one connection, ping(reconnect=True))' },
  redis: { requirement: `redis==${REDIS_PY_VERSION}`, about: 'redis (redis-py)' },
};

const TEST_COMMAND = 'python3 -m unittest discover -s tests -v';

function pythonRecipe(recipe: ServiceRecipe): RecipeDefinition<DottedNames> {
  const client = CLIENTS[recipe];
  return {
    client: client.about,
    generatedNames: ['os', 'pymysql', 'redis', 'where', 'check', 'close_connections', 'close_resource', 'CONNECT_TIMEOUT', 'COMMAND_TIMEOUT'],
    files(spec, names) {
      const data = { ...templateData(spec, names), ...recipeTemplateData(recipe), clientRequirement: client.requirement };
      return [
        { path: `code/${names.file}.py`, contents: render('python/recipes/entry.py', data) },
        { path: 'code/requirements.txt', contents: render('python/recipes/requirements.txt', data) },
        { path: 'tests/test_lifecycle.py', contents: render('python/recipes/test_lifecycle.py', data) },
      ];
    },
    actions() {
      return {
        actions: { 'pre-deploy': [{ run: 'python3 -m pip install --upgrade --target . -r requirements.txt', path: './code' }] },
        comment: `Before deploying, installs ${client.requirement} into code/ (code/requirements.txt; pure Python, any local Python 3 will do).`,
      };
    },
    readme(_spec, names) {
      return {
        files: [
          { path: `code/${names.file}.py`, about: `the handler and hooks around one ${client.about} per instance` },
          { path: 'code/requirements.txt', about: `${client.requirement}, installed into code/ before \`s deploy\` (locally: \`pip install -r code/requirements.txt\`)` },
          { path: 'tests/test_lifecycle.py', about: `plays one instance against a real ${recipe} server and checks the server's view (\`unittest\`)` },
        ],
        testCommand: TEST_COMMAND,
        notes: recipeReadmeNotes(recipe, TEST_COMMAND),
      };
    },
  };
}

export const pythonRecipes = { mysql: pythonRecipe('mysql'), redis: pythonRecipe('redis') };
