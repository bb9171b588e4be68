// Safety guarantee (issue 11, class 7): one add/remove/doctor run parses s.yaml's text once (a large
// s.yaml was parsed about ten times). The yaml module is wrapped to count parses of each text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli } from './helpers/safety.ts';

const parsed = new Map<string, number>();
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (text: string, ...rest: unknown[]) => {
      parsed.set(text, (parsed.get(text) ?? 0) + 1);
      return (yaml.parseDocument as (...args: unknown[]) => unknown)(text, ...rest);
    },
  };
});

let cases = 0;
afterAll(() => console.log(`safety-parse-once: ${cases} runs`));
beforeEach(() => parsed.clear());

describe('s.yaml as read is parsed once per run', () => {
  test.each([
    ['add both hooks', ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--yes']],
    ['add both hooks, dry run', ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--dry-run']],
    ['remove both hooks', ['remove', '.', '--initializer', '--pre-stop', '--yes']],
    ['doctor', ['doctor', '.']],
  ])('%s', async (_name, args) => {
    cases += 1;
    const root = copyFixture('python3.10');
    const text = readFileSync(join(root, 's.yaml'), 'utf8');
    const result = await cli(args, root);
    expect(result.stderr).not.toMatch(/^error/);
    expect(parsed.get(text)).toBe(1);
  });
});
