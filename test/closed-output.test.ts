// Issue 11, class 9: a closed stdout (`| head -1`) or a full one (`>/dev/full`) after the work is done
// never crashes with a stack trace, and the exit code is the work's own. Runs the bin of the packed
// tarball, as `npm create` would.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from './helpers/generate.ts';
import { packedBin } from './helpers/packed-bin.ts';

let bin: string;
beforeAll(() => {
  bin = packedBin();
});

type Stdout = 'closed pipe' | '/dev/full';

/** Runs the bin with stdout closed by its reader before the first write, or on /dev/full. */
function runWith(stdout: Stdout, args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  const full = stdout === '/dev/full' ? openSync('/dev/full', 'w') : undefined;
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', full ?? 'pipe', 'pipe'] });
  if (full !== undefined) closeSync(full);
  // The reader goes away at once, as `head -1` does after its line (node takes ~50 ms to start).
  child.stdout?.destroy();
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

const CASES: { name: string; args: (dir: string) => string[]; status: number }[] = [
  { name: 'create', args: () => ['my-fn', '--runtime', 'python3.12', '--yes'], status: 0 },
  { name: '--help', args: () => ['--help'], status: 0 },
  { name: '--version', args: () => ['--version'], status: 0 },
  { name: 'doctor', args: (dir) => ['doctor', join(dir, 'made')], status: 0 },
  { name: 'add --dry-run', args: (dir) => ['add', join(dir, 'made'), '--pre-stop', 'index.preStop', '--dry-run', '--yes'], status: 0 },
];

describe('closed or full stdout', () => {
  const outputs: Stdout[] = ['closed pipe', '/dev/full'];
  console.log(`closed-output: ${CASES.length * outputs.length} cases`);
  for (const stdout of outputs) {
    for (const { name, args, status } of CASES) {
      test(`${name} with stdout on a ${stdout}: exit ${status}, no stack trace`, async () => {
        const cwd = tempDir('fc-closed-out-run-');
        // A project for doctor/add to read, made without the hook add would add.
        execFileSync(process.execPath, [bin, 'made', '--runtime', 'python3.12', '--no-pre-stop', '--yes'], { cwd });
        const result = await runWith(stdout, args(cwd), cwd);
        expect(result.stderr).not.toMatch(/^\s+at |node:events|Unhandled/m);
        expect(result.status, result.stderr).toBe(status);
        if (name === 'create') expect(existsSync(join(cwd, 'my-fn', 's.yaml'))).toBe(true);
        // One line at most: the note that a full stdout lost the report.
        expect(result.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
        if (stdout === '/dev/full' && status === 0) expect(result.stderr).toMatch(/^warning: stdout: could not be written \(ENOSPC\)/);
      });
    }
  }
});
