// What the safety tests (test/safety-*.test.ts) share: the packed CLI, in-process runs, byte-level
// snapshots of a directory tree (links kept as links), and the names of work files a run may leave.
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main, type Io } from '../../src/cli/main.ts';
import { packedBin } from './packed-bin.ts';

export { packedBin };

/** Runs the packed CLI; killed after `timeoutMs` (a hang shows as status null). */
export function runBin(args: string[], cwd: string, timeoutMs = 20_000) {
  const result = spawnSync('node', [packedBin(), ...args], { cwd, input: '', encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Starts every command at once; resolves with each one's exit code and stderr. */
export function together(commands: string[][], cwd: string): Promise<{ status: number | null; stderr: string }[]> {
  return Promise.all(
    commands.map(
      (args) =>
        new Promise<{ status: number | null; stderr: string }>((resolve) => {
          const child = spawn('node', [packedBin(), ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('close', (status) => resolve({ status, stderr }));
        }),
    ),
  );
}

/** Runs the CLI in-process. */
export async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false, cwd };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Every entry under `root`: files as hex of their bytes, links as `-> target`, directories as `dir`. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      const key = relative(root, path);
      if (stat.isSymbolicLink()) out[key] = `-> ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        out[key] = 'dir';
        walk(path);
      } else if (stat.isFile()) out[key] = readFileSync(path).toString('hex');
      else out[key] = 'special';
    }
  };
  walk(root);
  return out;
}

/** Names a run of the old or the new writer leaves while it works (staging, backup, temporaries, lock). */
export const WORK_FILE = /fc-staging|fc-backup|\.fc-lifecycle/;

/** Work files anywhere under the given directories. */
export function leftovers(...dirs: string[]): string[] {
  return dirs.flatMap((dir) => Object.keys(snapshot(dir)).filter((path) => WORK_FILE.test(path)).map((path) => join(dir, path)));
}
