// Which TypeScript file builds a Node.js entry file: the hook editor edits that source and the doctor
// reads it, since the built file is output (absent before the first build, replaced by each one).
import { dirname, join, resolve } from 'node:path';
import { cached, readSource, runCache } from '../../source/disk.ts';

/**
 * The build a project's package.json declares, as create-fc-lifecycle writes it
 * (`"build": "esbuild src/index.ts ... --outfile=code/index.mjs"`): the source and the file it writes,
 * both absolute (relative to `packageDir`); undefined when there is no such build script.
 */
export function typeScriptBuildOf(packageJson: string | undefined, packageDir: string): { source: string; built: string } | undefined {
  let script: unknown;
  try {
    script = (JSON.parse(packageJson ?? 'null') as { scripts?: { build?: unknown } } | null)?.scripts?.build;
  } catch {
    return undefined;
  }
  if (typeof script !== 'string') return undefined;
  const built = /--outfile[= ](\S+)/.exec(script)?.[1];
  const source = /(?:^|\s)([^\s-]\S*\.[cm]?tsx?)(?=\s|$)/.exec(script)?.[1];
  return built && source ? { source: resolve(packageDir, source), built: resolve(packageDir, built) } : undefined;
}

const builds = runCache<string, { source: string; built: string } | undefined>();

/**
 * The build the package.json beside a code directory declares (the generated layout: package.json and
 * src/ above code/), worked out once per folder in a doctor run (1,000 code directories side by side
 * share one).
 */
export function typeScriptBuildBeside(code: string): { source: string; built: string } | undefined {
  const packageDir = dirname(code);
  return cached(builds, packageDir, () => typeScriptBuildOf(readSource(join(packageDir, 'package.json'))?.text, packageDir));
}
