// Packs the package once (as `npm publish` would) so end-to-end tests run the real tarball's bin.
// npm pack runs the prepack script, which builds dist/ from the current sources.
import { execFileSync } from 'node:child_process';
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
  return () => rmSync(root, { recursive: true, force: true });
}
