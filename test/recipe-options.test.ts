// --recipe as every front end takes it (CLI flag, programmatic API, plop prompt) and what it changes in
// the plan: validation with one-line errors, `none` identical to no recipe, s.yaml variables with
// ${env(...)} secrets and a commented vpcConfig, and the repository running the generated code (in
// recipes.test.ts) with the very client versions the generator pins.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import nodePlop, { type PromptQuestion } from 'node-plop';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli/main.ts';
import { generate } from '../src/index.ts';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { planFor, planText, specErrorOf, tempDir } from './helpers/generate.ts';

async function cli(args: string[]) {
  const cwd = tempDir('fc-recipe-');
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false, cwd });
  return { status, stdout, stderr, cwd };
}

const recipeRuntimes = RUNTIMES.filter((r) => r.recipes?.mysql && r.recipes?.redis).flatMap((r) => r.ids);

describe('validation', () => {
  test('an unknown recipe is one line, exit 1, nothing written', async () => {
    const { status, stderr, cwd } = await cli(['my-fn', '--recipe', 'postgres', '--yes']);
    expect([status, stderr]).toEqual([1, 'error: recipe: unknown recipe "postgres"; valid recipes: none, mysql, redis\n']);
    expect(existsSync(join(cwd, 'my-fn'))).toBe(false);
  });

  test('--recipe without a value', async () => {
    const { status, stderr } = await cli(['my-fn', '--yes', '--recipe']);
    expect([status, stderr]).toEqual([1, 'error: --recipe: needs a value (see --help)\n']);
  });

  test('the API refuses a recipe that is not a string', () => {
    expect(specErrorOf({ recipe: 3 as unknown as string })).toEqual({ field: 'recipe', rule: 'must be one of none, mysql, redis, got number' });
  });

  test.each(RUNTIMES.filter((r) => !r.recipes?.mysql).map((r) => r.ids[0]!))('a runtime without the recipe says which runtimes have it: %s', (runtime) => {
    expect(specErrorOf({ runtime, recipe: 'mysql' })).toEqual({
      field: 'recipe',
      rule: `mysql is not written for ${runtime} yet; it is for ${recipeRuntimes.join(', ')}`,
    });
  });

  test('custom with --server node refuses a recipe: its Node.js 10 is too old for mysql2 and ioredis', () => {
    expect(specErrorOf({ runtime: 'custom', server: 'node', recipe: 'redis' })).toEqual({
      field: 'recipe',
      rule: 'needs Node.js 12 or newer with --server node; custom has Node.js 10: use custom.debian10 or --server flask',
    });
    expect(() => specErrorOf({ runtime: 'custom.debian10', server: 'node', recipe: 'redis' })).toThrow(/accepted/);
  });

  test.each([
    ['python3.12', 'index.close_resource', 'close_resource'],
    ['nodejs20', 'index.closeResource', 'closeResource'],
    ['php7.2', 'index.fc_close_resource', 'fc_close_resource'],
  ])('%s: an entry named like the recipe code\'s own function is refused (%s)', async (runtime, handler, name) => {
    const { status, stderr } = await cli(['my-fn', '-r', runtime, '--recipe', 'mysql', '--handler', handler, '--yes']);
    expect([status, stderr]).toEqual([1, `error: handler: "${name}" is a name the mysql recipe's code defines; choose another\n`]);
    expect(() => specErrorOf({ runtime, handler }), 'the none recipe keeps accepting it').toThrow(/accepted/);
  });

  test.each([
    ['mysql', 'Connection'],
    ['redis', 'Jedis'],
  ])('java8 --recipe %s: a class named like a type the recipe code imports is refused (%s)', async (recipe, className) => {
    const { status, stderr, cwd } = await cli(['my-fn', '-r', 'java8', '--recipe', recipe, '--handler', `example.${className}::handleRequest`, '--yes']);
    expect([status, stderr]).toEqual([1, `error: handler: class "${className}" would clash with a type the ${recipe} recipe's code imports; pick another class name\n`]);
    expect(existsSync(join(cwd, 'my-fn'))).toBe(false);
    expect(() => specErrorOf({ runtime: 'java8', handler: `example.${className}::handleRequest` }), 'the none recipe keeps accepting it').toThrow(/accepted/);
  });

  test('dotnetcore3.1 --recipe mysql: a method the recipe code defines, or a type it uses, is refused as an entry name', async () => {
    const { status, stderr } = await cli(['my-fn', '-r', 'dotnetcore3.1', '--recipe', 'mysql', '--handler', 'HelloFcApp::Example.Hello::Work', '--yes']);
    expect([status, stderr]).toEqual([1, 'error: handler: method "Work" is a name the mysql recipe\'s code defines; choose another\n']);
    expect(specErrorOf({ runtime: 'dotnetcore3.1', recipe: 'redis', handler: 'HelloFcApp::StackExchange.Hello::StreamHandler' })).toEqual({
      field: 'handler',
      rule: '"StackExchange" would shadow a type the redis recipe\'s code uses; pick another name',
    });
    expect(() => specErrorOf({ runtime: 'dotnetcore3.1', handler: 'HelloFcApp::Example.Hello::Work' }), 'the none recipe keeps accepting it').toThrow(/accepted/);
  });

  test('--help lists the flag', async () => {
    const { stdout } = await cli(['--help']);
    expect(stdout).toMatch(/^ {6}--recipe <none\|mysql\|redis> {2}what the initializer opens and preStop closes/m);
  });
});

describe('the plan', () => {
  test.each(RUNTIMES.map((r) => r.ids.at(-1)!))('--recipe none writes what no recipe writes: %s', async (runtime) => {
    expect(planText(await planFor({ runtime, recipe: 'none' }))).toBe(planText(await planFor({ runtime })));
  });

  test.each(recipeRuntimes.flatMap((runtime) => [[runtime, 'mysql'], [runtime, 'redis']]))('%s --recipe %s: s.yaml variables, secrets as ${env()}, vpcConfig commented', async (runtime, recipe) => {
    const plan = await planFor({ runtime, recipe });
    const text = plan.files.find((f) => f.path === 's.yaml')!.contents;
    const props = (Object.values(parse(text).resources)[0] as { props: Record<string, any> }).props;
    const prefix = recipe === 'mysql' ? 'MYSQL' : 'REDIS';
    const variables = Object.fromEntries(Object.entries(props.environmentVariables).filter(([name]) => name.startsWith(prefix)));
    expect(variables[`${prefix}_PASSWORD`]).toBe(`\${env(${prefix}_PASSWORD)}`);
    expect(variables[`${prefix}_HOST`]).toBe(`\${env(${prefix}_HOST)}`);
    expect(Object.values(variables).every((value) => typeof value === 'string')).toBe(true);
    expect(props.vpcConfig).toBeUndefined();
    expect(text).toMatch(/^ +# vpcConfig:\n +# {3}vpcId: vpc-x+\n/m);
    const readme = plan.files.find((f) => f.path === 'README.md')!.contents;
    expect(readme).toContain(`**The ${recipe} recipe.**`);
  });
});

test('the API writes a recipe project', async () => {
  const cwd = tempDir('fc-recipe-api-');
  const { plan } = await generate({ dir: 'db-fn', runtime: 'nodejs20', recipe: 'mysql' }, { cwd });
  expect(plan.files.map((f) => f.path)).toContain('code/package.json');
});

test('the plop function generator asks for the recipe and passes it on', async () => {
  const plop = await nodePlop(fileURLToPath(new URL('../plopfile.js', import.meta.url)));
  const prompt = (plop.getGenerator('function').prompts as PromptQuestion[]).find((p) => p.name === 'recipe') as Record<string, any>;
  expect(prompt.when({ runtime: 'nodejs20' })).toBe(true);
  expect(prompt.choices({ runtime: 'nodejs20' }).map((c: { value: string }) => c.value)).toEqual(['none', 'mysql', 'redis']);
  const dir = tempDir('fc-recipe-plop-');
  await plop.getGenerator('function').runActions({ dir: join(dir, 'r'), runtime: 'nodejs20', recipe: 'redis', hooks: ['initializer', 'preStop'] });
  expect(existsSync(join(dir, 'r', 'code', 'package.json'))).toBe(true);
});

describe('the Node.js clients the recipe tests run with', () => {
  test('are the repository devDependencies at exactly the versions the generator pins', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { devDependencies: Record<string, string> };
    const { MYSQL2_VERSION, IOREDIS_VERSION } = await import('../src/runtimes/nodejs/recipes.ts');
    expect(pkg.devDependencies.mysql2).toBe(MYSQL2_VERSION);
    expect(pkg.devDependencies.ioredis).toBe(IOREDIS_VERSION);
  });
});
