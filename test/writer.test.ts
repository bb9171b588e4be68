// The writer never clobbers and never leaves half a project.
import fsSync, { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { InputError } from '../src/errors.ts';
import type { FilePlan } from '../src/plan.ts';
import { writePlan } from '../src/writer.ts';
import { tempDir } from './helpers/generate.ts';

const plan = (targetDir: string, files: FilePlan['files']): FilePlan => ({ targetDir, files, testCommand: 'true' });
const FILES = [
  { path: 's.yaml', contents: 'edition: 3.0.0\n' },
  { path: 'code/index.js', contents: 'exports.handler = () => {};\n' },
  { path: 'scripts/warm-up.sh', contents: '#!/bin/sh\n', executable: true },
];

describe('writePlan', () => {
  test('creates a new directory with every file, scripts executable, nothing left beside it', async () => {
    const parent = tempDir();
    const result = await writePlan(plan(join(parent, 'fn'), FILES));
    expect(result.written.sort()).toEqual(['code/index.js', 's.yaml', 'scripts/warm-up.sh']);
    expect(readFileSync(join(parent, 'fn', 'code/index.js'), 'utf8')).toBe(FILES[1]!.contents);
    expect((await import('node:fs')).statSync(join(parent, 'fn', 'scripts/warm-up.sh')).mode & 0o777).toBe(0o755);
    expect(readdirSync(parent)).toEqual(['fn']);
  });

  test('writes into an existing empty directory', async () => {
    const dir = join(tempDir(), 'fn');
    mkdirSync(dir);
    await writePlan(plan(dir, FILES));
    expect(readdirSync(dir).sort()).toEqual(['code', 's.yaml', 'scripts']);
  });

  test('refuses a non-empty directory without force and leaves it untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), 'mine\n');
    await expect(writePlan(plan(dir, FILES))).rejects.toThrow(InputError);
    await expect(writePlan(plan(dir, FILES))).rejects.toThrow(/dir: .* is not empty \(1 entry\); .*--force/);
    expect(readdirSync(dir)).toEqual(['s.yaml']);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('mine\n');
  });

  test('refuses a target that is a file', async () => {
    const file = join(tempDir(), 'fn');
    writeFileSync(file, 'x');
    await expect(writePlan(plan(file, FILES), { force: true })).rejects.toThrow(/dir: .* is not a directory/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  test('force overwrites only generated files and deletes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), 'old\n');
    writeFileSync(join(dir, 'notes.txt'), 'keep me\n');
    mkdirSync(join(dir, 'code'));
    writeFileSync(join(dir, 'code', 'helper.js'), 'keep\n');
    const result = await writePlan(plan(dir, FILES), { force: true });
    expect(result.overwritten).toEqual(['s.yaml']);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('edition: 3.0.0\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me\n');
    expect(readdirSync(join(dir, 'code')).sort()).toEqual(['helper.js', 'index.js']);
    expect(readdirSync(dir).filter((name) => name.includes('fc-'))).toEqual([]);
  });

  test('force refuses when a generated file would replace a directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 's.yaml'));
    await expect(writePlan(plan(dir, FILES), { force: true })).rejects.toThrow(/s\.yaml is in the way/);
  });

  test.skipIf(process.getuid?.() === 0)('a failure part-way restores the directory as it was', async () => {
    // Root ignores permissions, so this case runs for non-root users only; the next test covers root.
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), 'old\n');
    mkdirSync(join(dir, 'scripts'));
    chmodSync(join(dir, 'scripts'), 0o500);
    await expect(writePlan(plan(dir, FILES), { force: true })).rejects.toThrow();
    chmodSync(join(dir, 'scripts'), 0o700);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('old\n');
    expect(existsSync(join(dir, 'code'))).toBe(false);
  });

  test('a failure part-way restores the directory as it was (the third move fails)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), 'old\n');
    writeFileSync(join(dir, 'notes.txt'), 'keep me\n');
    const rename = fsSync.renameSync.bind(fsSync);
    let moves = 0;
    // Renames: the lock and the intent record into place, then the three moves: the third fails.
    const spy = vi.spyOn(fsSync, 'renameSync').mockImplementation((from, to) => {
      moves += 1;
      if (moves === 5) throw Object.assign(new Error('EIO: simulated failure'), { code: 'EIO' });
      return rename(from, to);
    });
    try {
      await expect(writePlan(plan(dir, FILES), { force: true })).rejects.toThrow(/simulated failure/);
    } finally {
      spy.mockRestore();
    }
    expect(moves).toBe(6); // the last one puts the old s.yaml back
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 's.yaml']);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('old\n');
    expect(readdirSync(join(dir, '..')).filter((name) => name.includes('fc-staging') || name.includes('fc-backup'))).toEqual([]);
  });

  test('a failure while creating a new directory leaves nothing behind', async () => {
    const parent = tempDir();
    // A new directory is staged with synchronous writes (src/new-target.ts).
    const spy = vi.spyOn(fsSync, 'writeFileSync').mockImplementationOnce(() => {
      throw new Error('ENOSPC: simulated full disk');
    });
    try {
      await expect(writePlan(plan(join(parent, 'fn'), FILES))).rejects.toThrow(/ENOSPC/);
    } finally {
      spy.mockRestore();
    }
    expect(readdirSync(parent)).toEqual([]);
  });
});
