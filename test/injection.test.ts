// Issue 11, class 11 (and the API's argument types): values from users reach the generated README, the
// terminal and s.yaml. Markdown metacharacters are escaped in the README (its tables and code spans
// keep their shape and show the value exactly); control characters are refused in answers and shown
// escaped on one line wherever a value is echoed (errors, add's notes, doctor's findings).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { generate, planAddHooks, planRemoveHooks } from '../src/index.ts';
import { runCli } from './helpers/cli-capture.ts';
import { planFor, tempDir } from './helpers/generate.ts';

/** The README's lifecycle table: each row's cells, split on unescaped `|` as GFM does. */
function lifecycleRows(readme: string): string[][] {
  const table = readme.split('## Lifecycle\n\n')[1]!.split('\n\n')[0]!.split('\n').slice(2);
  return table.map((row) => row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

/** What a GFM code span in a table cell shows (the cell's `\|` is a `|`), or undefined when the cell does not start with one. */
function codeSpanText(cell: string): string | undefined {
  const text = cell.replaceAll('\\|', '|');
  const fence = /^`+/.exec(text)?.[0];
  if (!fence) return undefined;
  const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(text.slice(fence.length));
  if (!close) return undefined;
  const inner = text.slice(fence.length, fence.length + close.index);
  return inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
}

const HOSTILE_ENTRIES = ['a|b', 'x`y', '``', '` start', 'end `', '<b>`</b>', '| --- |', '\\|'];
const HOSTILE_COMMANDS = ['curl -fsS localhost:9000/initialize | grep -q ok', 'echo `date`', 'printf "%s" "<b>x</b>" | cat', 'echo `a` '.repeat(200_000)];

describe('README: entry strings and the initializer command keep the table and show exactly', () => {
  console.log(`injection: ${HOSTILE_ENTRIES.length} entries x 3 fields, ${HOSTILE_COMMANDS.length} commands`);
  for (const value of HOSTILE_ENTRIES) {
    test(`custom runtime entries ${JSON.stringify(value)}`, async () => {
      const plan = await planFor({ runtime: 'custom.debian10', handler: value, initializer: value, preStop: value });
      const readme = plan.files.find((file) => file.path === 'README.md')!.contents;
      const rows = lifecycleRows(readme);
      expect(rows.map((row) => row.length)).toEqual([3, 3, 3]);
      for (const row of rows) expect(codeSpanText(row[1]!)).toBe(value);
    });
  }
  for (const command of HOSTILE_COMMANDS) {
    test(`GPU initializer command ${JSON.stringify(command.slice(0, 40))} (${command.length} characters)`, async () => {
      const plan = await planFor({ runtime: 'custom-container', gpu: 'fc.gpu.tesla.1', initializerCommand: command });
      const readme = plan.files.find((file) => file.path === 'README.md')!.contents;
      const rows = lifecycleRows(readme);
      expect(rows.map((row) => row.length)).toEqual([3, 3, 3]);
      expect(codeSpanText(rows[1]![1]!)).toBe(`/bin/sh -c ${command}`);
      const note = readme.split('\n').find((line) => line.startsWith('The initializer is a command: FC runs '))!;
      expect(codeSpanText(note.slice('The initializer is a command: FC runs '.length).replaceAll('|', '\\|'))).toBe(`/bin/sh -c ${command}`);
    });
  }
});

/** Every answer a control character can hide in, through the API (the CLI gives the same strings). */
const CONTROL_ANSWERS: [string, Record<string, unknown>][] = [
  ['handler', { runtime: 'custom.debian10', handler: 'a\nb' }],
  ['initializer', { runtime: 'custom.debian10', initializer: 'x\r\n| y |' }],
  ['pre-stop', { runtime: 'custom-container', preStop: 'a\u0000b' }],
  ['initializer-command', { runtime: 'custom-container', gpu: 'fc.gpu.tesla.1', initializerCommand: 'echo a\necho b' }],
  ['description', { description: 'line one\u0000' }],
  ['description', { description: '\u001b[31mred' }],
];

describe('control characters in answers are refused with one line, nothing written', () => {
  for (const [field, answers] of CONTROL_ANSWERS) {
    test(`${field}: ${JSON.stringify(answers)}`, async () => {
      const cwd = tempDir('fc-inject-');
      const error = await generate({ dir: 'p', ...answers }, { cwd }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
      expect((error as InputError).message).toMatch(/control characters/);
    });
  }
});

const ESCAPES = /[\x00-\x08\x0b-\x1f\x7f\u202e]/;

describe('values echoed to the terminal are escaped, one line each', () => {
  const hostile = ['\u001b[2J\u001b[31mred', 'two\nlines', 'bidi\u202eevil', 'nul\u0000x'];
  const echoes: [string, (value: string) => string[], RegExp][] = [
    ['an unknown runtime', (value) => ['p', '--runtime', value, '--yes'], /^error: runtime: /],
    ['an unknown option', (value) => [`--${value}`], /^error: --/],
    ['a doctor directory that does not exist', (value) => ['doctor', value], /^error: /],
  ];
  for (const value of hostile) {
    for (const [name, argv, start] of echoes) {
      test(`${name} ${JSON.stringify(value)}: one error line without raw control characters`, async () => {
        const result = await runCli(argv(value), tempDir('fc-inject-'));
        expect(result.status).toBe(1);
        expect(result.stderr.split('\n')).toHaveLength(2);
        expect(result.stderr).toMatch(start);
        expect(result.stderr).not.toMatch(ESCAPES);
      });
    }
  }

  test('add: a hook handler in s.yaml with terminal escapes is quoted escaped in the notes', async () => {
    const cwd = tempDir('fc-inject-');
    await generate({ dir: 'p', runtime: 'custom.debian10' }, { cwd });
    const sYaml = join(cwd, 'p', 's.yaml');
    writeFileSync(sYaml, readFileSync(sYaml, 'utf8').replace(/(initializer:\n\s+handler: )"true"/, '$1"\\e[2J\\e[31mboom\\nline"'));
    expect(readFileSync(sYaml, 'utf8')).toContain('boom');
    const result = await runCli(['add', 'p', '--initializer', 'x', '--dry-run', '--yes'], cwd);
    expect(`${result.stdout}${result.stderr}`).toContain('boom');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(ESCAPES);
  });

  test('doctor: a finding quoting a handler with escapes and a line break is one line', async () => {
    const cwd = tempDir('fc-inject-');
    await generate({ dir: 'p', runtime: 'python3.12' }, { cwd });
    const sYaml = join(cwd, 'p', 's.yaml');
    writeFileSync(sYaml, readFileSync(sYaml, 'utf8').replace(/handler: index\.initialize/, 'handler: "index.\\e[31mgone\\nx"'));
    const result = await runCli(['doctor', 'p'], cwd);
    const lines = result.stdout.split('\n').filter((line) => line.includes('gone'));
    expect(lines.length).toBeGreaterThan(0);
    expect(result.stdout).not.toMatch(ESCAPES);
    for (const line of lines) expect(line).toMatch(/^p\/s\.yaml:\d+: (error|warning): /);
  });
});

describe('the programmatic API checks its argument types: one InputError, never a TypeError or a wrong file', () => {
  const cases: [string, () => Promise<unknown>, string][] = [
    ['answers null', () => generate(null as never, { dryRun: true }), 'answers'],
    ['dir a number', () => generate({ dir: 5 as never }, { dryRun: true }), 'dir'],
    ['handler a number', () => generate({ dir: 'p', handler: 5 as never }, { dryRun: true }), 'handler'],
    ['memorySize an array', () => generate({ dir: 'p', memorySize: [512] as never }, { dryRun: true }), 'memory-size'],
    ['functionName an array', () => generate({ dir: 'p', functionName: ['my-fn'] as never }, { dryRun: true }), 'function-name'],
    ['description an object', () => generate({ dir: 'p', description: {} as never }, { dryRun: true }), 'description'],
    ['cwd a number', () => generate({ dir: 'p' }, { dryRun: true, cwd: 5 as never }), 'cwd'],
    ['add: request.dir missing', () => planAddHooks({ initializer: true } as never, '/'), 'dir'],
    ['add: initializer a number', () => planAddHooks({ dir: '.', initializer: 1 as never }, '/'), 'initializer'],
    ['remove: preStop a string', () => planRemoveHooks({ dir: '.', preStop: 'yes' as never }, '/'), 'pre-stop'],
  ];
  for (const [name, call, field] of cases) {
    test(name, async () => {
      const error = await call().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    });
  }
});
