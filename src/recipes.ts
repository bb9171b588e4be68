// The recipe vocabulary every runtime family shares: which recipes exist, the environment variables
// their code reads, how s.yaml sets them (secrets as ${env(...)} references, so none lands in the
// file) and the commented vpcConfig block RDS and Tair need. Each family's client code, dependency
// files and pre-deploy actions live in src/runtimes/<family>/recipes.ts.
import { oneOf } from './errors.ts';

/** `none` is the zero-dependency stand-in resource; the others open a real client in the initializer. */
export const RECIPES = ['none', 'mysql', 'redis'] as const;
export type Recipe = (typeof RECIPES)[number];
export type ServiceRecipe = Exclude<Recipe, 'none'>;
export const DEFAULT_RECIPE: Recipe = 'none';

export const RECIPE_LABELS: Record<Recipe, string> = {
  none: 'none (a stand-in resource, no dependency)',
  mysql: 'MySQL (ApsaraDB RDS for MySQL, PolarDB): a connection opened by the initializer, closed by preStop',
  redis: 'Redis (Tair / ApsaraDB for Redis): a client opened by the initializer, closed by preStop',
};

export function checkRecipe(value: string): Recipe {
  return oneOf('recipe', value, RECIPES);
}

/**
 * Connect and command timeouts, in seconds, every recipe's code uses: shorter than any initializer
 * timeout the generator writes (at least 1 s is allowed, so the check itself stays under 10 s), so a
 * wrong host fails the hook with a clear log line instead of FC's timeout.
 */
export const RECIPE_TIMEOUTS = { connectSeconds: 5, commandSeconds: 10 } as const;

/** One variable the generated code reads, with the value s.yaml gives it. */
interface RecipeVariable {
  name: string;
  /** s.yaml value: a literal default or a `${env(NAME)}` reference resolved by `s deploy`. */
  sYaml: string;
  /** Value for a local run when the variable is unset. */
  local: string;
}

const fromEnv = (name: string) => '${env(' + name + ')}';

/** The variables each recipe's code reads, in the order the README and s.yaml list them. */
export const RECIPE_VARIABLES: Record<ServiceRecipe, readonly RecipeVariable[]> = {
  mysql: [
    { name: 'MYSQL_HOST', sYaml: fromEnv('MYSQL_HOST'), local: '127.0.0.1' },
    { name: 'MYSQL_PORT', sYaml: '3306', local: '3306' },
    { name: 'MYSQL_USER', sYaml: fromEnv('MYSQL_USER'), local: '' },
    { name: 'MYSQL_PASSWORD', sYaml: fromEnv('MYSQL_PASSWORD'), local: '' },
    { name: 'MYSQL_DATABASE', sYaml: fromEnv('MYSQL_DATABASE'), local: '' },
  ],
  redis: [
    { name: 'REDIS_HOST', sYaml: fromEnv('REDIS_HOST'), local: '127.0.0.1' },
    { name: 'REDIS_PORT', sYaml: '6379', local: '6379' },
    { name: 'REDIS_PASSWORD', sYaml: fromEnv('REDIS_PASSWORD'), local: '' },
  ],
};

/** The variable whose presence tells a generated test that a server is there to run against. */
export const RECIPE_TEST_SWITCH: Record<ServiceRecipe, string> = { mysql: 'MYSQL_USER', redis: 'REDIS_HOST' };

/** s.yaml environmentVariables for a recipe (FC takes strings only, so the port is a quoted string). */
export function recipeEnvironment(recipe: ServiceRecipe): Record<string, string> {
  return Object.fromEntries(RECIPE_VARIABLES[recipe].map((variable) => [variable.name, variable.sYaml]));
}

const SERVICE: Record<ServiceRecipe, { product: string; whitelist: string }> = {
  mysql: { product: 'RDS for MySQL', whitelist: "the RDS instance's whitelist" },
  redis: { product: 'Tair / ApsaraDB for Redis', whitelist: "the Redis instance's whitelist" },
};

/**
 * The comment s.yaml puts above environmentVariables: where the values come from, and a vpcConfig
 * block to uncomment, since the managed services are reached through a VPC.
 */
export function recipeSYamlComment(recipe: ServiceRecipe): string {
  const { product, whitelist } = SERVICE[recipe];
  const secrets = RECIPE_VARIABLES[recipe].filter((v) => v.sYaml.startsWith('${env(')).map((v) => v.name);
  return [
    `Read by the ${recipe} client in code/. \`s deploy\` fills each \${env(NAME)} from your shell or .env`,
    `(${secrets.join(', ')}), so no secret is written here.`,
    `${product} is reached through a VPC: uncomment vpcConfig (a sibling of environmentVariables)`,
    `with the VPC, a vSwitch in it and a security group, and add the vSwitch's CIDR to ${whitelist}.`,
    'vpcConfig:',
    '  vpcId: vpc-xxxxxxxx',
    '  vSwitchIds:',
    '    - vsw-xxxxxxxx',
    '  securityGroupId: sg-xxxxxxxx',
  ].join('\n');
}

/** Template data every recipe template receives besides templateData. */
export function recipeTemplateData(recipe: ServiceRecipe) {
  return {
    recipe,
    connectSeconds: RECIPE_TIMEOUTS.connectSeconds,
    commandSeconds: RECIPE_TIMEOUTS.commandSeconds,
    connectMs: RECIPE_TIMEOUTS.connectSeconds * 1000,
    commandMs: RECIPE_TIMEOUTS.commandSeconds * 1000,
    variables: RECIPE_VARIABLES[recipe],
    /** The variables' names as one list, for the tests' header comments. */
    variableNames: RECIPE_VARIABLES[recipe].map((variable) => variable.name).join(', '),
    testSwitch: RECIPE_TEST_SWITCH[recipe],
  };
}

/**
 * The generated README's paragraphs on the pattern, the same for every runtime: why the initializer
 * and not a global, what preStop must do, why no keep-alive, and how to run the test on a server.
 */
export function recipeReadmeNotes(recipe: ServiceRecipe, testCommand: string): string[] {
  const service = recipe === 'mysql' ? 'MySQL' : 'Redis';
  const check = recipe === 'mysql' ? '`SELECT 1`' : '`PING`';
  const variables = RECIPE_VARIABLES[recipe].map((v) => `\`${v.name}\``).join(', ');
  return [
    `**The ${recipe} recipe.** The initializer opens the ${service} connection once per instance and checks it with ${check}, ` +
      'so a wrong host, password or whitelist fails the initializer with a log line naming the server (and the request that ' +
      'started the instance gets `X-Fc-Error-Type: InitializationError`) instead of failing the first request. A connection ' +
      'opened at module load (a global) would be opened during the cold start with no check and no log of its own, ' +
      `and its failure would surface in whichever request used it first. Connect and command timeouts (${RECIPE_TIMEOUTS.connectSeconds} s, ` +
      `${RECIPE_TIMEOUTS.commandSeconds} s) stay below the initializer's timeout. The handler reaches the connection through ` +
      'a lazy accessor, so it also works on an instance whose initializer is switched off.',
    'PreStop closes the connection within its timeout and logs what it closed, so the server frees it at once instead of ' +
      'holding it until its own idle timeout (RDS and Tair count connections against the instance class). There is no ' +
      'background keep-alive or idle timer: FC freezes the instance between requests, so a timer would not run; a connection ' +
      'the server dropped meanwhile is reopened at the next use.',
    `Configuration: ${variables}, set in s.yaml's environmentVariables; the secrets there are \`\${env(NAME)}\` references ` +
      'that `s deploy` fills from your shell or `.env`. Uncomment vpcConfig in s.yaml to reach the managed service through its VPC.',
    `Test against a local server: start one (e.g. \`docker run --rm -p ${recipe === 'mysql' ? '3306:3306 -e MYSQL_ROOT_PASSWORD=pw -e MYSQL_DATABASE=test mysql:8' : '6379:6379 redis:7'}\`), ` +
      `export ${variables} for it, then \`${testCommand}\`. The test plays one instance and checks the server's own view ` +
      `(${recipe === 'mysql' ? "`SHOW STATUS LIKE 'Threads_connected'`" : '`CLIENT LIST`'}): the initializer opens the connection, a rerun opens none, ` +
      'two requests reuse it, preStop closes it, and a handler with no initializer opens it lazily. Without ' +
      `\`${RECIPE_TEST_SWITCH[recipe]}\` it says that it skipped the server part.`,
  ];
}
