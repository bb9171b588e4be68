// The packed tarball's bin (global-setup packs it once per run), unpacked once per test file.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './generate.ts';

let bin: string | undefined;
/** The bin of the packed tarball (unpacked once per test file). */
export function packedBin(): string {
  if (!bin) {
    const dir = tempDir('fc-unpacked-');
    execFileSync('tar', ['-xzf', inject('tarball'), '-C', dir]);
    bin = join(dir, 'package', 'index.js');
  }
  return bin;
}
