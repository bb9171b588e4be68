// Issue 15, `--env KEY=VALUE` (the API's `env`): s.yaml's environmentVariables. Keys follow FC's rules,
// values come back exactly when s.yaml is parsed (seeded random values), each on one line of s.yaml,
// a recipe's or the runtime's own variable is refused unless the value is the same, the whole fits
// FC's 4 KB, s.yaml stays valid against the fc3 schema, and `run` hands the variables to the function.
// Every test here failed before issue 15 (`env` was not an answer: the variables were not written).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../src/errors.ts';
import { generate } from '../src/index.ts';
import { RECIPE_VARIABLES } from '../src/recipes.ts';
import { runCli } from './helpers/cli-capture.ts';
import { fc3SchemaErrors } from './helpers/fc3-schema.ts';
import { generateProject, planFor, planText, tempDir } from './helpers/generate.ts';
import { runCommand } from './helpers/run-cli.ts';
import { random } from './helpers/seeded-random.ts';
import type { Answers } from '../src/spec.ts';

const fileOf = async (answers: Answers, path: string) => (await planFor(answers)).files.find((file) => file.path === path)!.contents;
const variablesOf = async (answers: Answers) => {
  const doc = parse(await fileOf(answers, 's.yaml'));
  return (Object.values(doc.resources)[0] as { props: { environmentVariables?: Record<string, string> } }).props.environmentVariables;
};

async function refusal(answers: Answers): Promise<string> {
  const error = await (async () => planFor(answers))().then(() => undefined, (e: unknown) => e);
  expect(error, JSON.stringify(answers)).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('keys and pairs: one error line naming env', () => {
  const cases: [string, Answers['env'], RegExp][] = [
    ['= missing', ['GREETING'], /^env: "GREETING" must be KEY=VALUE \(the = is missing\)$/],
    ['a key given twice', ['A=1', 'A=1'], /^env: A is given twice$/],
    ['a leading digit', ['1A=x'], /^env: "1A" must start with a letter/],
    ['a leading underscore', ['_A=x'], /^env: "_A" must start with a letter/],
    ['a dash', ['MY-VAR=x'], /^env: "MY-VAR" must start with a letter and hold only letters, digits and _/],
    ['a dot', ['a.b=x'], /^env: "a\.b" must/],
    ['an empty key', ['=x'], /^env: "" must/],
    ['a letter beyond ASCII', ['É=x'], /^env: "É" must/],
    ['a space', ['A B=x'], /^env: "A B" must/],
    ['the reserved prefix FC_', ['FC_REGION=cn-beijing'], /^env: FC_REGION: the prefix FC_ is reserved by Function Compute$/],
    ['a credential FC sets', ['ALIBABA_CLOUD_SECURITY_TOKEN=x'], /^env: ALIBABA_CLOUD_SECURITY_TOKEN is set by Function Compute from the function's role$/],
    ['NUL in a value', ['A=x\u0000y'], /^env: A's value must not contain control characters other than tab and line breaks \(found \\u0000\)$/],
    ['an escape in a value', ['A=\u001b[31m'], /found \\u001b/],
    ['a line separator in a value', ['A=a\u2028b'], /found \\u2028/],
    ['a number value (API)', { A: 1 } as never, /^env: A must have a string value, got number$/],
    ['a pair that is not a string (API)', [1] as never, /^env: each entry must be a "KEY=VALUE" string, got number$/],
    ['a string (API)', 'A=1' as never, /^env: must be an array of "KEY=VALUE" strings or an object of strings, got string$/],
    ['null (API)', null as never, /^env: must be an array .* got null$/],
  ];
  test.each(cases)('%s', async (_, env, rule) => {
    expect(await refusal({ env })).toMatch(rule);
  });

  test('accepted: letters, digits and _ after a letter, any case; FC_ only as a prefix; a value with = keeps it', async () => {
    expect(await variablesOf({ env: ['a=1', 'Z9_x=', 'MY_FC_X=a=b=c', 'fc_lower=y'] })).toEqual({ a: '1', Z9_x: '', MY_FC_X: 'a=b=c', fc_lower: 'y' });
    expect(await variablesOf({ env: { API_URL: 'https://x', EMPTY: '' } })).toEqual({ API_URL: 'https://x', EMPTY: '' });
    expect(await variablesOf({ env: [] })).toBeUndefined();
  });

  test('the CLI: exit 1, one line on stderr, nothing written', async () => {
    const cwd = tempDir('fc-env-');
    for (const args of [['--env', 'X'], ['--env', 'A=1', '--env', 'A=2'], ['--env', 'FC_X=1'], ['--recipe', 'redis', '--env', 'REDIS_PORT=6380']]) {
      const result = await runCli(['p', '--yes', ...args], cwd);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^error: env: [^\n]+\n$/);
      expect(result.stdout).toBe('');
      expect(existsSync(join(cwd, 'p'))).toBe(false);
    }
  });
});

// What decides how YAML writes a string: quotes, `#`, `: `, indicators, escapes, keywords, numbers,
// spaces at the ends, line breaks, tabs, text beyond ASCII and Serverless Devs' `${...}` forms.
const PIECES = ['a', 'word', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`',
  '\\', '/', '=', '${env(MY_SECRET)}', "${env('X')}", '${vars.region}', '${', '}', 'true', 'no', 'null', '~', '0', '012', '0x1f', '1e3', '.inf', '-1',
  '\n', '\r\n', '\r', '\t', 'é', '描述', '✓', '😀', '\u00a0', 'instanceLifecycleConfig:', '  initializer:', '    handler: evil.x'];

describe('values come back exactly', () => {
  test('seeded random values: parsed s.yaml gives them back, each variable on one line, valid against the fc3 schema', async () => {
    const base = (await fileOf({}, 's.yaml')).split('\n').length;
    for (let seed = 1; seed <= 300; seed += 1) {
      const rng = random(seed);
      const env: Record<string, string> = {};
      for (let i = 1 + Math.floor(rng.next() * 3); i > 0; i -= 1) {
        let value = '';
        for (let j = Math.floor(rng.next() * 8); j > 0; j -= 1) value += rng.pick(PIECES);
        env[`VAR_${i}`] = value;
      }
      const pairs = Object.entries(env).map(([key, value]) => `${key}=${value}`);
      const sYaml = await fileOf({ env: pairs }, 's.yaml');
      const doc = parse(sYaml);
      expect(doc.resources['my-fn'].props.environmentVariables, `seed ${seed}`).toEqual(env);
      // One line per variable plus the key's: no value's line break reaches a line reader as a line.
      expect(sYaml.split('\n').length, `seed ${seed}`).toBe(base + 1 + pairs.length);
      if (seed % 30 === 0) expect(fc3SchemaErrors(sYaml), `seed ${seed}`).toEqual([]);
    }
  });

  test('a multi-line description goes through the same printer: one line, parsed back exactly', async () => {
    const description = 'Orders\ninstanceLifecycleConfig:\ninitializer:\n  handler: index.other';
    const sYaml = await fileOf({ description }, 's.yaml');
    expect(sYaml).toContain('      description: "Orders\\ninstanceLifecycleConfig:\\ninitializer:\\n  handler: index.other"\n');
    expect(parse(sYaml).resources['my-fn'].props.description).toBe(description);
  });

  test('a ${env(NAME)} value is written as the reference itself, unquoted as the recipes write theirs', async () => {
    const sYaml = await fileOf({ env: ['DB_PASSWORD=${env(DB_PASSWORD)}', 'PORT=8080', 'GREETING=hello ${env(NAME)}'] }, 's.yaml');
    expect(sYaml).toContain('        DB_PASSWORD: ${env(DB_PASSWORD)}\n        PORT: "8080"\n        GREETING: hello ${env(NAME)}\n');
  });
});

describe('with the project\'s own variables', () => {
  test('a recipe: its variables first, then the user\'s; the same value is accepted once, another refused', async () => {
    const mysql = Object.fromEntries(RECIPE_VARIABLES.mysql.map((variable) => [variable.name, variable.sYaml]));
    const variables = await variablesOf({ recipe: 'mysql', env: ['APP_MODE=prod', 'MYSQL_PORT=3306', 'MYSQL_HOST=${env(MYSQL_HOST)}'] });
    expect(variables).toEqual({ ...mysql, APP_MODE: 'prod' });
    expect(Object.keys(variables!)).toEqual([...Object.keys(mysql), 'APP_MODE']);
    expect(await refusal({ recipe: 'mysql', env: ['MYSQL_PORT=3307'] })).toBe(
      'env: MYSQL_PORT is set by the mysql recipe to "3306"; give that value or leave MYSQL_PORT out and edit s.yaml after generating',
    );
    expect(await refusal({ recipe: 'redis', env: ['REDIS_HOST=10.0.0.1'] })).toMatch(/^env: REDIS_HOST is set by the redis recipe to "\$\{env\(REDIS_HOST\)\}"/);
    // The recipe's comment (where the values come from, the vpcConfig to uncomment) stays above them.
    expect(await fileOf({ recipe: 'mysql', env: ['APP_MODE=prod'] }, 's.yaml')).toMatch(/# {3}securityGroupId: sg-xxxxxxxx\n\s+environmentVariables:\n\s+MYSQL_HOST:/);
  });

  test('a custom runtime\'s PATH and PYTHONPATH: the same value accepted, another refused', async () => {
    const own = await variablesOf({ runtime: 'custom.debian10' });
    expect(Object.keys(own!)).toEqual(['PATH', 'PYTHONPATH']);
    expect(await variablesOf({ runtime: 'custom.debian10', env: [`PYTHONPATH=${own!.PYTHONPATH}`, 'MODE=x'] })).toEqual({ ...own, MODE: 'x' });
    expect(await refusal({ runtime: 'custom.debian10', env: ['PATH=/bin'] })).toMatch(/^env: PATH is set by the custom\.debian10 project to "\/var\/fc\/lang\/python3\.10\/bin:/);
  });

  for (const answers of [{ runtime: 'python3.12' }, { runtime: 'java11', recipe: 'redis' }, { runtime: 'custom.debian11' }, { runtime: 'custom-container', gpu: 'fc.gpu.tesla.1' }] as Answers[]) {
    test(`${JSON.stringify(answers)}: valid against the fc3 schema with --env`, async () => {
      const env = ['MODE=prod', 'TOKEN=${env(TOKEN)}', 'N=1'];
      expect(fc3SchemaErrors(await fileOf({ ...answers, env }, 's.yaml'))).toEqual([]);
      expect(await variablesOf({ ...answers, env })).toMatchObject({ MODE: 'prod', TOKEN: '${env(TOKEN)}', N: '1' });
    });
  }

  test('4 KB together, keys and values in UTF-8 bytes, the project\'s own variables counted', async () => {
    expect(await variablesOf({ env: [`A=${'x'.repeat(4095)}`] })).toEqual({ A: 'x'.repeat(4095) });
    expect(await refusal({ env: [`A=${'x'.repeat(4096)}`] })).toBe('env: the variables take 4097 bytes together (keys and values); FC allows 4096');
    expect(await refusal({ env: [`A=${'é'.repeat(2048)}`] })).toMatch(/take 4097 bytes/);
    const redis = RECIPE_VARIABLES.redis.reduce((sum, v) => sum + v.name.length + v.sYaml.length, 0);
    expect(await refusal({ recipe: 'redis', env: [`A=${'x'.repeat(4096 - redis)}`] })).toMatch(/take 4097 bytes/);
  });
});

describe('the generated project', () => {
  test('plan snapshot: a recipe\'s variables, then a literal, a quoted and a referenced one, and the README\'s list', async () => {
    const plan = await planFor({ runtime: 'nodejs20', recipe: 'mysql', env: ['APP_MODE=production', 'BANNER=a: "b" # c', 'API_TOKEN=${env(API_TOKEN)}'] });
    await expect(planText(plan)).toMatchFileSnapshot('__snapshots__/plans/nodejs20--env-recipe-mysql--both-hooks.txt');
  });

  test('the README lists the keys (not the values) and says which are filled at deploy', async () => {
    const readme = await fileOf({ env: ['API_TOKEN=${env(API_TOKEN)}', 'MODE=secret-ish value'] }, 'README.md');
    expect(readme).toContain('| `API_TOKEN` | holds a `${env(NAME)}` reference, which `s deploy` (and `run` below) fills from your shell or `.env` |');
    expect(readme).toContain('| `MODE` | as written in s.yaml |');
    expect(readme).not.toContain('secret-ish');
    expect(await fileOf({}, 'README.md')).not.toContain('## Environment variables');
  });

  test('the API writes them too', async () => {
    const cwd = tempDir('fc-env-api-');
    const { plan } = await generate({ dir: 'p', runtime: 'python3.10', env: { MODE: 'prod' } }, { cwd, dryRun: true });
    expect(parse(plan.files.find((file) => file.path === 's.yaml')!.contents).resources.p.props.environmentVariables).toEqual({ MODE: 'prod' });
  });

  test('`run` hands them to the function: literal values as written, ${env(NAME)} from the shell', async () => {
    const literal = 'a: b # "c" \\ é\nline two';
    const { root } = await generateProject({ runtime: 'nodejs20', env: [`LITERAL=${literal}`, 'FROM_SHELL=${env(I15_RUN_SECRET)}'] });
    // The generated handler, swapped for one that shows what the instance's environment holds.
    writeFileSync(join(root, 'code', 'index.mjs'), [
      'export const initialize = async () => {};',
      'export const preStop = async () => {};',
      'export const handler = async () => JSON.stringify({ literal: process.env.LITERAL, fromShell: process.env.FROM_SHELL });',
      '',
    ].join('\n'));
    process.env.I15_RUN_SECRET = 'from the shell';
    try {
      const result = await runCommand([root, '--json'], root);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const invoke = JSON.parse(result.stdout).steps.find((step: { kind: string }) => step.kind === 'invoke');
      expect(JSON.parse(invoke.result)).toEqual({ literal, fromShell: 'from the shell' });
    } finally {
      delete process.env.I15_RUN_SECRET;
    }
  });
});
