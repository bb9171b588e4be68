import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { fail, InputError } from '../errors.ts';
import { oneLine } from '../escape.ts';
import { buildPlan, type FilePlan } from '../plan.ts';
import { fileErrorRule, isFileError } from '../safe-fs.ts';
import { loadSpec, type Answers } from '../spec.ts';
import { checkTarget, writePlan } from '../writer.ts';
import { parseCliArgs } from './args.ts';
import { processOutput } from './closed-output.ts';
import { COMMANDS } from './commands.ts';
import { nearest } from './flags.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  interactive: boolean;
  cwd: string;
  /** Reads all of stdin (`run --event -`); the process's stdin when absent. */
  readStdin?: () => Promise<string>;
}

const defaultIo: Io = {
  stdout: (text) => processOutput.stdout.write(text),
  stderr: (text) => processOutput.stderr.write(text),
  /**
   * Asked only by a run that may prompt: node:tty loads node:net with it (about 8 M instructions of a
   * `--yes` run). Not process.stdin.isTTY, which creates the stdin stream (about 2.5 ms), except on Node
   * older than 20.16, which has no process.getBuiltinModule.
   */
  get interactive() {
    const tty = process.getBuiltinModule?.('node:tty');
    return tty ? tty.isatty(0) : Boolean(process.stdin.isTTY);
  },
  cwd: process.cwd(),
};

/** `text` as one POSIX shell word: as it is when it needs no quoting, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

function describePlan(plan: FilePlan, cwd: string): string {
  return plan.files.map((file) => `  ${file.path.padEnd(32)} ${Buffer.byteLength(file.contents)} bytes`).join('\n') +
    `\n(${plan.files.length} files in ${oneLine(relative(cwd, plan.targetDir) || '.')})\n`;
}

/**
 * A directory argument that is a typo of a command (`doctr`) and not an existing directory is refused
 * with the suggestion, instead of becoming a project of that name; `./doctr` still creates one.
 */
function refuseCommandTypo(dir: string | undefined, cwd: string): void {
  if (dir === undefined) return;
  const command = nearest(dir, Object.keys(COMMANDS));
  if (command && !statSync(resolve(cwd, dir), { throwIfNoEntry: false })?.isDirectory()) {
    fail('command', `"${dir}" is not a command; did you mean ${command}? (to create a project named ${dir}, pass ./${dir})`);
  }
}

/** Runs the CLI; returns the exit code: 0 done, 1 bad input or failed write, 130 cancelled. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const command = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? COMMANDS[argv[0]] : undefined;
    if (command) return await (await command())(argv.slice(1), io);
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(await (await import('./help.ts')).helpText());
      return 0;
    }
    if (args.version) {
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    if (args.list) {
      io.stdout(await (await import('./list.ts')).listText(args.json));
      return 0;
    }
    refuseCommandTypo(args.answers.dir, io.cwd);
    let answers: Answers = args.answers;
    let force = args.force;
    if (!args.yes && io.interactive) {
      const { askMissing } = await import('./prompts.ts');
      ({ answers, force } = await askMissing(answers, io.cwd, force));
    }
    const spec = await loadSpec(answers, io.cwd);
    const plan = await buildPlan(spec);
    if (args.dryRun) {
      await checkTarget(plan, { force });
      io.stdout(`Dry run: nothing written. ${spec.runtime} project for function ${spec.functionName} would be:\n${describePlan(plan, io.cwd)}`);
      return 0;
    }
    const result = await writePlan(plan, { force });
    const where = oneLine(relative(io.cwd, plan.targetDir) || '.');
    io.stdout(`Created ${spec.runtime} function ${spec.functionName} in ${where}:\n${describePlan(plan, io.cwd)}`);
    if (result.overwritten.length > 0) io.stdout(`Overwritten (--force): ${result.overwritten.join(', ')}\n`);
    for (const note of result.leftovers) io.stderr(`warning: ${oneLine(note)}\n`);
    const steps = [`cd ${shellWord(where)}`, plan.testCommand, ...(plan.beforeDeploy ? [plan.beforeDeploy] : []), 's deploy'];
    io.stdout(`\nNext:\n${steps.map((step) => `  ${step}\n`).join('')}`);
    return 0;
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') {
      io.stderr('cancelled: nothing written\n');
      return 130;
    }
    if (error instanceof InputError) {
      io.stderr(`error: ${error.message}\n`);
      return 1;
    }
    if (isFileError(error)) {
      io.stderr(`error: dir: ${fileErrorRule(error)} (nothing written)\n`);
      return 1;
    }
    io.stderr(`error: ${oneLine(String((error as Error)?.message ?? error).split('\n')[0]!)} (nothing written)\n`);
    return 1;
  }
}
