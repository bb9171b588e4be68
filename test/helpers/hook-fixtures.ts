// Hand-written FC projects (test/fixtures/hooks/<name>) copied to a temp directory for the hook editors.
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { diffLines } from '../../src/hooks/diff.ts';
import { tempDir } from './generate.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/hooks', import.meta.url));

/** A fresh copy of a fixture project; returns its root. */
export function copyFixture(name: string): string {
  const root = join(tempDir('fc-hook-'), name);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

/** Every file under root (but Python's bytecode cache), path -> contents, to compare a project before and after. */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '__pycache__') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** The lines `after` adds to `before`; fails the test when it removes or changes any. */
export function addedLines(before: string, after: string): string[] {
  const diff = diffLines(before, after);
  expect(diff.filter((line) => line.op === '-'), 'removed lines').toEqual([]);
  return diff.filter((line) => line.op === '+').map((line) => line.text);
}
