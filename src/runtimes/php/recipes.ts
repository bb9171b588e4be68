// PHP recipes: mysqli and phpredis, both built into FC's php7.2 runtime: composer.json only declares
// them (`composer check-platform-reqs` checks a local PHP), nothing is installed before deploy.
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import { render } from '../../templates.ts';
import type { DottedNames } from '../../entry.ts';
import { templateData } from '../common.ts';
import type { RecipeDefinition } from '../types.ts';

const CLIENTS: Record<ServiceRecipe, { extension: string; about: string }> = {
  mysql: { extension: 'ext-mysqli', about: 'mysqli' },
  redis: { extension: 'ext-redis', about: 'phpredis' },
};

const TEST_COMMAND = 'php tests/lifecycle_test.php';

function phpRecipe(recipe: ServiceRecipe): RecipeDefinition<DottedNames> {
  const client = CLIENTS[recipe];
  return {
    client: client.about,
    generatedNames: ['fc_env', 'fc_where', 'fc_check', 'fc_close_connections', 'fc_close_resource', 'fc_test_stop', 'fc_test_log_lines', 'fc_test_count', 'fc_test_expect_count'],
    files(spec, names) {
      const data = {
        ...templateData(spec, names),
        ...recipeTemplateData(recipe),
        extension: client.extension,
        // Composer package names are lower case: vendor/name.
        composerName: spec.functionName.toLowerCase().replace(/_/g, '-'),
      };
      return [
        { path: `code/${names.file}.php`, contents: render('php/recipes/entry.php', data) },
        { path: 'composer.json', contents: render('php/recipes/composer.json', data) },
        { path: 'tests/lifecycle_test.php', contents: render('php/recipes/lifecycle_test.php', data) },
      ];
    },
    readme(_spec, names) {
      return {
        files: [
          { path: `code/${names.file}.php`, about: `the handler and hooks around one ${client.about} connection per instance` },
          { path: 'composer.json', about: `declares ${client.extension}, built into FC's PHP runtime (locally: \`composer check-platform-reqs\`)` },
          { path: 'tests/lifecycle_test.php', about: `plays one instance against a real ${recipe} server and checks the server's view (plain \`php\`)` },
        ],
        testCommand: TEST_COMMAND,
        notes: recipeReadmeNotes(recipe, TEST_COMMAND),
      };
    },
  };
}

export const phpRecipes = { mysql: phpRecipe('mysql'), redis: phpRecipe('redis') };
