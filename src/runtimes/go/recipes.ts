// Go recipes: database/sql with github.com/go-sql-driver/mysql (checked with PingContext) and a
// github.com/gomodule/redigo pool; go.mod requires the client, the family's `go mod tidy` and
// `go build` pre-deploy actions fetch and build it.
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import { render } from '../../templates.ts';
import type { GoNames } from './entries.ts';
import { goTemplateData } from './generate.ts';
import type { RecipeDefinition } from '../types.ts';

// Pinned client versions, one constant each so a bot or a maintainer bumps them in one place.
/** Go module github.com/go-sql-driver/mysql. */
export const GO_MYSQL_VERSION = 'v1.8.1';
/** Go module github.com/gomodule/redigo. */
export const REDIGO_VERSION = 'v1.9.2';

const CLIENTS: Record<ServiceRecipe, { module: string; version: string; about: string }> = {
  mysql: { module: 'github.com/go-sql-driver/mysql', version: GO_MYSQL_VERSION, about: 'database/sql + go-sql-driver/mysql (PingContext)' },
  redis: { module: 'github.com/gomodule/redigo', version: REDIGO_VERSION, about: 'redigo (redis.Pool)' },
};

const TEST_COMMAND = 'cd code && go mod tidy && go test -v ./...';

function goRecipe(recipe: ServiceRecipe): RecipeDefinition<GoNames> {
  const client = CLIENTS[recipe];
  return {
    client: client.about,
    generatedNames: [],
    files(spec, names) {
      const data = { ...goTemplateData(spec, names), ...recipeTemplateData(recipe), clientModule: client.module, clientVersion: client.version };
      return [
        { path: 'code/main.go', contents: render('go/recipes/main.go', data) },
        { path: 'code/main_test.go', contents: render('go/recipes/main_test.go', data) },
        { path: 'code/go.mod', contents: render('go/recipes/go.mod', data) },
      ];
    },
    readme(spec, names) {
      return {
        files: [
          { path: 'code/main.go', about: `the handler and hooks around one ${client.about} per instance` },
          { path: 'code/main_test.go', about: `plays one instance against a real ${recipe} server and checks the server's view (\`go test\`)` },
          { path: 'code/go.mod', about: `requires ${client.module} ${client.version} and github.com/aliyun/fc-runtime-go-sdk ${names.sdkVersion}` },
        ],
        testCommand: TEST_COMMAND,
        notes: [
          `\`s deploy\` first runs \`go mod tidy\` and \`${names.buildCommand}\` in \`code/\` (the pre-deploy actions in s.yaml).`,
          ...recipeReadmeNotes(recipe, TEST_COMMAND),
        ],
      };
    },
  };
}

export const goRecipes = { mysql: goRecipe('mysql'), redis: goRecipe('redis') };
