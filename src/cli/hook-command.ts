// What `add` and `remove` share: argument parsing, and showing, confirming and applying a hook plan.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { relative } from 'node:path';
import { fail } from '../errors.ts';
import { oneLine, terminalSafe } from '../escape.ts';
import { applyHookPlan, hookPlanDiff, type HookPlan } from '../hooks/index.ts';
import type { Io } from './main.ts';

/** Options both commands take. */
export const COMMON_OPTIONS = {
  resource: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs with the CLI's error contract: one `error: <field>: <rule>` line. */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: Options) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'arguments';
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') fail(option, `needs a value (see ${command} --help)`);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(option, `unknown option (see ${command} --help)`);
    fail('arguments', message.split('\n')[0]!);
  }
  if (parsed.positionals.length > 1) fail('dir', `only one directory may be given, got ${parsed.positionals.map((p) => `"${p}"`).join(' ')}`);
  return { values: parsed.values, dir: parsed.positionals[0] ?? '.' };
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
  const diff = terminalSafe(hookPlanDiff(plan));
  if (options.dryRun) {
    io.stdout(`${diff}Dry run: nothing written.\n`);
    return 0;
  }
  if (io.interactive && !options.yes) {
    io.stdout(diff);
    const { confirmWrite } = await import('./hook-prompts.ts');
    if (!(await confirmWrite())) {
      io.stdout('Nothing written.\n');
      return 0;
    }
  }
  const written = await applyHookPlan(plan);
  io.stdout(`Updated ${oneLine(written.join(', '))}.\nNext: run the project's lifecycle test, then \`s deploy\`.\n`);
  return 0;
}
