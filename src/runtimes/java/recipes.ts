// Java recipes: JDBC (java.sql.DriverManager with MySQL Connector/J) and Jedis, one connection per
// instance guarded by the class's lock; pom.xml adds the client, which the family's
// `mvn package` pre-deploy action puts in the jar with dependencies that FC loads.
import { fail } from '../../errors.ts';
import { recipeReadmeNotes, recipeTemplateData, type ServiceRecipe } from '../../recipes.ts';
import type { JavaNames } from './entries.ts';
import { javaBuildNote, javaFiles } from './generate.ts';
import type { RecipeDefinition } from '../types.ts';

// Pinned client versions, one constant each so a bot or a maintainer bumps them in one place.
/** Maven com.mysql:mysql-connector-j (runs on Java 8 and 11). */
export const MYSQL_CONNECTOR_J_VERSION = '8.4.0';
/** Maven redis.clients:jedis (runs on Java 8 and 11). */
export const JEDIS_VERSION = '5.2.0';

const CLIENTS: Record<ServiceRecipe, { groupId: string; artifactId: string; version: string; about: string }> = {
  mysql: { groupId: 'com.mysql', artifactId: 'mysql-connector-j', version: MYSQL_CONNECTOR_J_VERSION, about: 'JDBC (java.sql) with MySQL Connector/J' },
  redis: { groupId: 'redis.clients', artifactId: 'jedis', version: JEDIS_VERSION, about: 'Jedis' },
};

const TEST_COMMAND = 'mvn test';

// Simple names the recipe's class and test import: a generated class of the same name would not compile.
const IMPORTED_TYPE_NAMES: Record<ServiceRecipe, readonly string[]> = {
  mysql: ['Connection', 'DriverManager', 'Matcher', 'Pattern', 'Properties', 'ResultSet', 'SQLException', 'Statement'],
  redis: ['DefaultJedisClientConfig', 'HostAndPort', 'Jedis', 'Matcher', 'Pattern'],
};

function javaRecipe(recipe: ServiceRecipe): RecipeDefinition<JavaNames> {
  const client = CLIENTS[recipe];
  return {
    client: client.about,
    // The class's own members are reached as Class.member, so no entry name is taken.
    generatedNames: [],
    checkNames(names) {
      if (IMPORTED_TYPE_NAMES[recipe].includes(names.className)) {
        fail('handler', `class "${names.className}" would clash with a type the ${recipe} recipe's code imports; pick another class name`);
      }
    },
    files(spec, names) {
      return javaFiles(spec, names, 'java/recipes', { ...recipeTemplateData(recipe), client });
    },
    readme(spec, names) {
      return {
        files: [
          { path: names.sourceFile, about: `the handler and hooks around one ${recipe === 'mysql' ? 'MySQL' : 'Redis'} connection per instance (${client.about})` },
          { path: names.testFile, about: `plays one instance against a real ${recipe} server and checks the server's view (run by \`mvn test\`)` },
          { path: 'pom.xml', about: `Maven build: ${client.groupId}:${client.artifactId} ${client.version}, fc-java-core, Java ${names.javaRelease}, and the jar with dependencies that s.yaml deploys` },
        ],
        testCommand: TEST_COMMAND,
        notes: [javaBuildNote(spec, names), ...recipeReadmeNotes(recipe, TEST_COMMAND)],
      };
    },
  };
}

export const javaRecipes = { mysql: javaRecipe('mysql'), redis: javaRecipe('redis') };
