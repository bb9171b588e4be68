// readRegularFileSync (src/safe-fs.ts): the whole file in as few reads as its size allows, and a file
// that turns out longer than fstat said is refused, not cut.
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { readRegularFileSync } from '../src/safe-fs.ts';
import { tempDir } from './helpers/generate.ts';

const options = { field: 'dir', shown: 'f.txt', limit: 1_000_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

test.each([
  ['an empty file', ''],
  ['a short file', 'name: my-fn\n'],
  ['a file of 200 KB', 'x'.repeat(200_000)],
])('reads %s whole, with one read', (_name, text) => {
  const path = join(tempDir('fc-read-'), 'f.txt');
  fs.writeFileSync(path, text);
  const reads = vi.spyOn(fs, 'readSync');
  expect(readRegularFileSync(path, options).toString()).toBe(text);
  expect(reads).toHaveBeenCalledTimes(1);
});

test('a file longer than fstat said (it grew after the fstat) is refused with one line', () => {
  const path = join(tempDir('fc-read-'), 'f.txt');
  fs.writeFileSync(path, 'abcdef');
  const fstat = fs.fstatSync.bind(fs);
  vi.spyOn(fs, 'fstatSync').mockImplementation(((fd: number) => Object.assign(fstat(fd), { size: 3 })) as never);
  expect(() => readRegularFileSync(path, options)).toThrow('dir: f.txt grew over the 1000000-byte limit while it was read');
});
