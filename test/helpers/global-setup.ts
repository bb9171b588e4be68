// Packs the package once (as `npm publish` would) so end-to-end tests run the real tarball's bin.
// npm pack runs the prepack script, which builds dist/ from the current sources. Starts the MariaDB and
// Redis servers the --recipe tests need when they are installed and not yet configured (as root, what
// `.ci/run` does), so a plain `npm test` runs those tests too; it stops what it started.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    tarball: string;
    /** One directory per run that holds every test's temporary files; removed when the run ends. */
    tmpRoot: string;
  }
}

export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'fc-tests-'));
  project.provide('tmpRoot', root);
  const dir = mkdtempSync(join(root, 'pack-'));
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' });
  const tarball = join(dir, out.trim().split('\n').pop()!);
  project.provide('tarball', tarball);
  const startedServices = startServices();
  return () => {
    if (startedServices) spawnSync('scripts/test-services.sh', ['stop'], { stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  };
}

/**
 * Runs scripts/test-services.sh unless the environment already names the servers (CI starts them) and
 * puts the variables it prints into process.env, which the test workers inherit. Returns whether it
 * started a server. Without the servers or root it does nothing: the recipe tests then skip loudly
 * (and fail in CI).
 */
function startServices(): boolean {
  if (process.env.MYSQL_HOST || process.getuid?.() !== 0) return false;
  const run = spawnSync('scripts/test-services.sh', { encoding: 'utf8' });
  if (run.status !== 0) return false;
  for (const [, name, value] of run.stdout.matchAll(/(\w+)=(\S*)/g)) process.env[name!] = value;
  return /started/.test(run.stderr);
}
