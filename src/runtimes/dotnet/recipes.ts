// C# recipes: MySqlConnector (one unpooled connection per instance, requests take turns on it) and a
// StackExchange.Redis ConnectionMultiplexer; the csproj adds the client, which the family's
// `dotnet publish` pre-deploy action restores and publishes beside the assembly.
import { ENTRY_FIELDS, type EntryKey } from '../../entry.ts';
import { fail } from '../../errors.ts';
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import type { DotnetNames } from './entries.ts';
import { dotnetFiles, dotnetPublishNote } from './generate.ts';
import type { RecipeDefinition } from '../types.ts';

// Pinned client versions, one constant each so a bot or a maintainer bumps them in one place.
/** NuGet MySqlConnector (netstandard2.0/2.1 builds, which netcoreapp3.1 loads). */
export const MYSQLCONNECTOR_VERSION = '2.3.7';
/** NuGet StackExchange.Redis (a netstandard2.0 build, which netcoreapp3.1 loads). */
export const STACKEXCHANGE_REDIS_VERSION = '2.8.16';

const CLIENTS: Record<ServiceRecipe, { package: string; version: string; about: string }> = {
  mysql: { package: 'MySqlConnector', version: MYSQLCONNECTOR_VERSION, about: 'MySqlConnector' },
  redis: { package: 'StackExchange.Redis', version: STACKEXCHANGE_REDIS_VERSION, about: 'StackExchange.Redis (ConnectionMultiplexer)' },
};

// Members the recipe's class defines, and the types it uses unqualified (a namespace or class of the
// same name would shadow them): an entry point or a name in its type would not compile.
const RECIPE_MEMBERS = ['Check', 'CloseResource', 'CreateResource', 'Env', 'GetResource', 'Json', 'Main', 'ResourceLock', 'Usable', 'Where', 'Work', 'resource'];
const RECIPE_TYPES: Record<ServiceRecipe, readonly string[]> = {
  mysql: ['Convert', 'Environment', 'Exception', 'InvalidOperationException', 'MySqlCommand', 'MySqlConnection', 'MySqlConnectionStringBuilder', 'MySqlConnector'],
  redis: ['ConfigurationOptions', 'ConnectionMultiplexer', 'Environment', 'Exception', 'InvalidOperationException', 'StackExchange'],
};

function checkNames(recipe: ServiceRecipe, names: DotnetNames): void {
  const methods: Partial<Record<EntryKey, string>> = { handler: names.handler, initializer: names.initializer, preStop: names.preStop };
  for (const key of Object.keys(methods) as EntryKey[]) {
    const method = methods[key];
    if (method !== undefined && RECIPE_MEMBERS.includes(method)) {
      fail(ENTRY_FIELDS[key], `method "${method}" is a name the ${recipe} recipe's code defines; choose another`);
    }
  }
  const shadowing = [...names.namespaceName.split('.'), names.className].find((name) => RECIPE_TYPES[recipe].includes(name));
  if (shadowing) fail(ENTRY_FIELDS.handler, `"${shadowing}" would shadow a type the ${recipe} recipe's code uses; pick another name`);
}

function dotnetRecipe(recipe: ServiceRecipe): RecipeDefinition<DotnetNames> {
  const client = CLIENTS[recipe];
  const testCommand = (names: DotnetNames) => `dotnet run --project ${names.testProject}`;
  return {
    client: client.about,
    // Entry points are methods of the generated class: checkNames refuses the clashes.
    generatedNames: [],
    checkNames: (names) => checkNames(recipe, names),
    files(spec, names) {
      return dotnetFiles(spec, names, 'dotnet/recipes', { ...recipeTemplateData(recipe), client });
    },
    readme(spec, names) {
      return {
        files: [
          { path: names.sourceFile, about: `the handler and hooks around one ${recipe === 'mysql' ? 'MySQL' : 'Redis'} connection per instance (${client.about})` },
          { path: `${names.assembly}/${names.assembly}.csproj`, about: `the function: netcoreapp3.1, ${client.package} ${client.version}, Aliyun.Serverless.Core ${names.coreVersion}` },
          { path: `${names.testProject}/${names.testProject}.cs`, about: `plays one instance against a real ${recipe} server and checks the server's view` },
        ],
        testCommand: testCommand(names),
        notes: [dotnetPublishNote(names), ...recipeReadmeNotes(recipe, testCommand(names))],
      };
    },
  };
}

export const dotnetRecipes = { mysql: dotnetRecipe('mysql'), redis: dotnetRecipe('redis') };
