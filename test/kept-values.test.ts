// Issue 11, minor: every error is one `error: <field>: <rule>` line (an alias bomb in s.yaml no longer
// surfaces the YAML library's own message); `add` refuses to keep or write values fc3 refuses (a
// timeout of 1e400, a string command beside the handler it sets); the doctor resolves `${vars.x}` from
// the vars' own keys only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../src/index.ts';
import { runCli } from './helpers/cli-capture.ts';
import { tempDir } from './helpers/generate.ts';

/** A generated project (python3.12, initializer only) whose s.yaml `edit` rewrites; returns cwd and the s.yaml text written. */
async function project(edit: (sYaml: string) => string) {
  const cwd = tempDir('fc-kept-');
  await generate({ dir: 'p', runtime: 'python3.12', preStop: false }, { cwd });
  const path = join(cwd, 'p', 's.yaml');
  const original = readFileSync(path, 'utf8');
  const text = edit(original);
  expect(text, 'the edit applies').not.toBe(original);
  writeFileSync(path, text);
  return { cwd, path, text };
}

const BOMB = ['x-bomb:', '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');

describe('one error line, field first', () => {
  for (const command of ['doctor', 'add']) {
    test(`${command}: an alias bomb in s.yaml is an s.yaml error`, async () => {
      const { cwd, path, text } = await project((sYaml) => `${BOMB}\n${sYaml}`);
      const argv = command === 'add' ? ['add', 'p', '--pre-stop', 'index.preStop', '--yes'] : ['doctor', 'p'];
      const result = await runCli(argv, cwd);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^error: s\.yaml: expands its aliases too many times/);
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(readFileSync(path, 'utf8')).toBe(text);
    });
  }
});

describe('add keeps or writes only values fc3 accepts', () => {
  const cases: [string, (sYaml: string) => string, string[], RegExp][] = [
    ['a kept initializer timeout of 1e400', (s) => s.replace(/(initializer:\n\s+handler: \S+\n\s+timeout: )60/, '$11e400'), ['--initializer', 'index.initialize'], /^error: initializer-timeout: s\.yaml has initializer timeout Infinity/],
    ['a kept initializer timeout of 0.5', (s) => s.replace(/(initializer:\n\s+handler: \S+\n\s+timeout: )60/, '$10.5'), ['--initializer', 'index.initialize'], /^error: initializer-timeout: /],
    ['a preStop timeout of -5 kept for the new handler', (s) => s.replace(/instanceLifecycleConfig:\n/, 'instanceLifecycleConfig:\n        preStop:\n          handler: ""\n          timeout: -5\n'), ['--pre-stop', 'index.preStop'], /^error: pre-stop-timeout: s\.yaml has preStop timeout -5/],
    ['a string command beside the new initializer handler', (s) => s.replace(/(initializer:\n\s+)handler: \S+/, '$1handler: ""\n          command: "echo hi"'), ['--initializer', 'index.initialize'], /^error: initializer: s\.yaml has a initializer command that is not a list of strings/],
  ];
  for (const [name, edit, args, error] of cases) {
    test(`${name}: refused, nothing written`, async () => {
      const { cwd, path, text } = await project(edit);
      const result = await runCli(['add', 'p', ...args, '--yes'], cwd);
      expect(result.stderr).toMatch(error);
      expect(result.status).toBe(1);
      expect(readFileSync(path, 'utf8')).toBe(text);
    });
  }
});

describe('doctor: ${vars.x} comes from the own keys of vars', () => {
  for (const name of ['constructor', 'toString', '__proto__']) {
    // The hook's handler resolved to Object.prototype's function once crashed the doctor.
    test(`the initializer's handler \${vars.${name}} is not a variable: the doctor reads on`, async () => {
      const { cwd } = await project((s) => s.replace(/(initializer:\n\s+handler: ).*/, `$1\${vars.${name}}`));
      const result = await runCli(['doctor', 'p', '--json'], cwd);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toMatch(/function|native code|\[object/);
    });
  }
});
