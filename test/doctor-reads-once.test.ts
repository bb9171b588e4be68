// Issue 16: the doctor reads each file of a project once, however many resources point at it. Three fc3
// resources share one generated code directory; node:fs is wrapped to count, per path, the files opened,
// the directories listed and the paths stat'ed, and the scanner to count the texts it scans.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { diagnose } from '../src/doctor/index.ts';
import type { Answers } from '../src/spec.ts';
import { generateProject } from './helpers/generate.ts';

const { calls, count } = vi.hoisted(() => ({
  calls: { reads: new Map<string, number>(), listings: new Map<string, number>(), stats: new Map<string, number>(), scans: new Map<string, number>() },
  count: (map: Map<string, number>, key: unknown) => {
    if (typeof key === 'string') map.set(key, (map.get(key) ?? 0) + 1);
  },
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const counted = <F extends (...args: any[]) => any>(map: Map<string, number>, fn: F) => ((path: unknown, ...rest: unknown[]) => {
    count(map, path);
    return fn(path, ...rest);
  }) as F;
  const wrapped = {
    ...fs,
    openSync: counted(calls.reads, fs.openSync),
    readFileSync: counted(calls.reads, fs.readFileSync),
    readdirSync: counted(calls.listings, fs.readdirSync),
    statSync: counted(calls.stats, fs.statSync),
    lstatSync: counted(calls.stats, fs.lstatSync),
    existsSync: counted(calls.stats, fs.existsSync),
  };
  return { ...wrapped, default: wrapped };
});

vi.mock('../src/source-scan.ts', async (importOriginal) => {
  const scanner = await importOriginal<typeof import('../src/source-scan.ts')>();
  return {
    ...scanner,
    scanSource: (text: string, ...rest: [never]) => {
      count(calls.scans, text);
      return scanner.scanSource(text, ...rest);
    },
  };
});

/** Makes the one resource of a generated project three (fn-0, fn-1, fn-2) that share its code directory. */
function shareCode(root: string): void {
  const path = join(root, 's.yaml');
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf('\nresources:\n') + '\nresources:\n'.length;
  const resource = text.slice(at);
  const copies = [0, 1, 2].map((i) => resource.replace(/^ {2}my-fn:/m, `  fn-${i}:`).replace('functionName: my-fn', `functionName: fn-${i}`));
  writeFileSync(path, text.slice(0, at) + copies.join(''));
}

/** The counts of `map` above one, for the paths in the project (and any text: the scans). */
const repeated = (map: Map<string, number>, root?: string) =>
  Object.fromEntries([...map].filter(([key, n]) => n > 1 && (!root || key === root || key.startsWith(root + sep))).map(([key, n]) => [key.length > 60 ? `${key.slice(0, 60)}…` : key, n]));

const clear = () => Object.values(calls).forEach((map) => map.clear());

describe('doctor reads each file of three resources that share one code directory once', () => {
  test.each([
    { runtime: 'nodejs20' },
    { runtime: 'nodejs14' },
    { runtime: 'nodejs20', language: 'typescript' },
    { runtime: 'python3.10' },
    { runtime: 'php7.2' },
    { runtime: 'custom', server: 'node' },
    { runtime: 'custom.debian10', server: 'flask' },
    { runtime: 'custom-container', gpu: 'fc.gpu.ampere.1', initializerCommand: '/code/warm-up.sh' },
  ] satisfies Answers[])('%o', async (answers) => {
    const { root } = await generateProject(answers);
    clear();
    await diagnose(root);
    // Paths are stat'ed and folders listed as for one resource (loading the project stats its folder
    // twice, and the leftover search lists some folders a second time).
    const forOne = { stats: new Map(calls.stats), listings: new Map(calls.listings) };
    shareCode(root);
    clear();
    const { project, findings } = await diagnose(root);
    expect(project.resources).toHaveLength(3);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect([...calls.reads.keys()].filter((path) => path.startsWith(root + sep) && !path.endsWith('s.yaml')).length).toBeGreaterThan(0);
    expect(repeated(calls.reads, root)).toEqual({});
    expect({ stats: calls.stats, listings: calls.listings }).toEqual(forOne);
    expect(calls.scans.size).toBeGreaterThan(0);
    expect(repeated(calls.scans)).toEqual({});
  });
});
