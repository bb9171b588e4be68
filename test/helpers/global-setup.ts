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
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'fc-pack-'));
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' });
  const tarball = join(dir, out.trim().split('\n').pop()!);
  project.provide('tarball', tarball);
  return () => rmSync(dir, { recursive: true, force: true });
}
