// What `add` and `remove` share: argument parsing, and showing, confirming and applying a hook plan.
import type { ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { fail } from '../errors.ts';
import { oneLine, terminalSafe } from '../escape.ts';
import { applyHookPlan, hookPlanDiff, type HookPlan } from '../hooks/index.ts';
import { tryOr } from '../safe-fs.ts';
import { parseFlags } from './flags.ts';
import type { Io } from './main.ts';

/** Options both commands take. */
export const COMMON_OPTIONS = {
  resource: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs with the CLI's error contract: one `error: <field>: <rule>` line. */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: Options) {
  const parsed = parseFlags(command, argv, options);
  if ((parsed.values as { help?: boolean }).help) return { values: parsed.values, dir: '.' };
  if (parsed.positionals.length > 1) fail('dir', `only one directory may be given, got ${parsed.positionals.map((p) => `"${p}"`).join(' ')}`);
  return { values: parsed.values, dir: parsed.positionals[0] ?? '.' };
}

/**
 * The project's lifecycle test command, from the "run lifecycle test" task a generated project has in
 * .vscode/tasks.json; undefined for a project written by hand (it has no such test to run).
 */
function lifecycleTestCommand(root: string): string | undefined {
  const tasks = tryOr(() => JSON.parse(readFileSync(join(root, '.vscode', 'tasks.json'), 'utf8')), undefined);
  const task = (tasks?.tasks as { label?: string; command?: unknown }[] | undefined)?.find((t) => t.label === 'run lifecycle test');
  return typeof task?.command === 'string' ? task.command : undefined;
}

/** Prints the command's usage for --help or the version for --version; true when it did (exit 0, nothing else runs). */
export function printedHelpOrVersion(values: { help?: boolean; version?: boolean }, usage: string, io: Io): boolean {
  if (values.help) io.stdout(usage);
  else if (values.version) io.stdout(`${pkg.version}\n`);
  return Boolean(values.help || values.version);
}

/**
 * Prints the plan, then writes it: not with --dry-run (the diff is printed instead), and on a terminal
 * without --yes only after the user confirms the diff. Returns the exit code.
 */
export async function carryOut(plan: HookPlan, io: Io, options: { dryRun: boolean; yes: boolean }): Promise<number> {
  // Notes and warnings quote s.yaml and code: one line each, whatever those hold.
  const where = relative(io.cwd, plan.root) || '.';
  io.stdout(oneLine(`${plan.runtime} function, resource ${plan.resource} in ${where}:`) + `\n${plan.notes.map((note) => `  ${oneLine(note)}\n`).join('')}`);
  for (const warning of plan.warnings) io.stderr(`warning: ${oneLine(warning)}\n`);
  if (plan.changes.length === 0) {
    io.stdout('Nothing to change: everything asked for is already in place.\n');
    return 0;
  }
  // The diff is made only to be shown: a --yes run writes without it.
  const diff = () => terminalSafe(hookPlanDiff(plan));
  if (options.dryRun) {
    io.stdout(`${diff()}Dry run: nothing written.\n`);
    return 0;
  }
  if (!options.yes && io.interactive) {
    io.stdout(diff());
    const { confirmWrite } = await import('./hook-prompts.ts');
    if (!(await confirmWrite())) {
      io.stdout('Nothing written.\n');
      return 0;
    }
  }
  const written = await applyHookPlan(plan);
  const test = lifecycleTestCommand(plan.root);
  io.stdout(`Updated ${oneLine(written.join(', '))}.\nNext: ${test ? `run the lifecycle test (\`${test}\`), then ` : ''}\`s deploy\`.\n`);
  return 0;
}
