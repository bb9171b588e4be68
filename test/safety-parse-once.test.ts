// Safety guarantee (issue 11, class 7): one add/remove/doctor run parses s.yaml's text once (a large
// s.yaml was parsed about ten times), by the light reader or, for a text outside its subset, by the
// yaml library (issue 16): at most one parse of either kind. Both are wrapped to count the parses of
// each text (a light read that declines is no parse: the library's follows).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli } from './helpers/safety.ts';

const parsed = { light: new Map<string, number>(), library: new Map<string, number>() };
const count = (kind: keyof typeof parsed, text: string) => parsed[kind].set(text, (parsed[kind].get(text) ?? 0) + 1);

vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (text: string, ...rest: unknown[]) => {
      count('library', text);
      return (yaml.parseDocument as (...args: unknown[]) => unknown)(text, ...rest);
    },
  };
});
vi.mock('../src/project/light-yaml.ts', async (importOriginal) => {
  const light = await importOriginal<typeof import('../src/project/light-yaml.ts')>();
  return {
    ...light,
    lightParse: (text: string, ...rest: [never]) => {
      const result = light.lightParse(text, ...rest);
      if (result) count('light', text);
      return result;
    },
  };
});

let cases = 0;
afterAll(() => console.log(`safety-parse-once: ${cases} runs`));
beforeEach(() => Object.values(parsed).forEach((map) => map.clear()));

const RUNS = [
  ['add both hooks', ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--yes']],
  ['add both hooks, dry run', ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--dry-run']],
  ['remove both hooks', ['remove', '.', '--initializer', '--pre-stop', '--yes']],
  ['doctor', ['doctor', '.']],
] as const;

/** The parses of `text` in the run, by kind. */
const parsesOf = (text: string) => ({ light: parsed.light.get(text) ?? 0, library: parsed.library.get(text) ?? 0 });

describe('s.yaml as read is parsed once per run', () => {
  test.each(RUNS)('%s', async (_name, args) => {
    cases += 1;
    const root = copyFixture('python3.10');
    const text = readFileSync(join(root, 's.yaml'), 'utf8');
    const result = await cli([...args], root);
    expect(result.stderr).not.toMatch(/^error/);
    // A plain s.yaml such as the generator writes is read by the light reader alone.
    expect(parsesOf(text)).toEqual({ light: 1, library: 0 });
  });

  test.each(RUNS)('%s, with a YAML anchor in vars (read by the library)', async (_name, args) => {
    cases += 1;
    const root = copyFixture('python3.10');
    const text = readFileSync(join(root, 's.yaml'), 'utf8').replace(/^vars:\n/m, 'vars:\n  shared: &shared cn-hangzhou\n  copy: *shared\n');
    expect(text).toContain('&shared');
    writeFileSync(join(root, 's.yaml'), text);
    const result = await cli([...args], root);
    expect(result.stderr).not.toMatch(/^error/);
    expect(parsesOf(text)).toEqual({ light: 0, library: 1 });
  });
});
