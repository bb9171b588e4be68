// How a run that reads a large s.yaml sets V8 (src/heap.ts): loadProject turns TurboFan's inlining off
// before it parses a large s.yaml, and leaves a small project's run alone (no node:v8 to load).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LARGE_S_YAML } from '../src/heap.ts';
import { loadProject } from '../src/project/load.ts';

/** A project of `count` fc3 resources (no code: loadProject reads s.yaml only). */
function projectOf(count: number): { dir: string; size: number } {
  const dir = mkdtempSync(join(tmpdir(), 'fc-heap-'));
  const resource = (i: number) => `  fn-${i}:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: fn-${i}\n      runtime: nodejs20\n      code: ./fn-${i}\n      handler: index.handler\n`;
  const text = `edition: 3.0.0\nname: many\nresources:\n${Array.from({ length: count }, (_, i) => resource(i)).join('')}`;
  writeFileSync(join(dir, 's.yaml'), text);
  return { dir, size: text.length };
}

/** The V8 flags loadProject sets on `dir` (node:v8's setFlagsFromString, seen through process.getBuiltinModule). */
async function flagsSetLoading(dir: string): Promise<string[]> {
  const flags: string[] = [];
  const getBuiltinModule = process.getBuiltinModule.bind(process);
  vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) =>
    id === 'node:v8' ? { setFlagsFromString: (flag: string) => flags.push(flag) } : getBuiltinModule(id)) as typeof process.getBuiltinModule);
  await loadProject(dir);
  return flags;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('V8 settings of a run that reads s.yaml', () => {
  test('a large s.yaml: inlining is turned off (and the young generation kept small)', async () => {
    const { dir, size } = projectOf(700);
    expect(size).toBeGreaterThan(LARGE_S_YAML);
    expect(await flagsSetLoading(dir)).toEqual(['--no-turbo-inlining', '--semi-space-growth-factor=1']);
  });

  test('a small s.yaml: V8 is left alone', async () => {
    const { dir, size } = projectOf(3);
    expect(size).toBeLessThan(LARGE_S_YAML);
    expect(await flagsSetLoading(dir)).toEqual([]);
  });
});
