import { relative } from 'node:path';
import { isatty } from 'node:tty';
import pkg from '../../package.json' with { type: 'json' };
import { InputError } from '../errors.ts';
import { buildPlan, type FilePlan } from '../plan.ts';
import { resolveSpec, type Answers } from '../spec.ts';
import { checkTarget, writePlan } from '../writer.ts';
import { parseCliArgs } from './args.ts';
import { COMMANDS } from './commands.ts';
import { helpText } from './help.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  interactive: boolean;
  cwd: string;
  /** Reads all of stdin (`run --event -`); the process's stdin when absent. */
  readStdin?: () => Promise<string>;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Not process.stdin.isTTY: creating the stdin stream costs about 2.5 ms of every run, prompts or not.
  interactive: isatty(0),
  cwd: process.cwd(),
};

function describePlan(plan: FilePlan, cwd: string): string {
  return plan.files.map((file) => `  ${file.path.padEnd(32)} ${Buffer.byteLength(file.contents)} bytes`).join('\n') +
    `\n(${plan.files.length} files in ${relative(cwd, plan.targetDir) || '.'})\n`;
}

/** Runs the CLI; returns the exit code: 0 done, 1 bad input or failed write, 130 cancelled. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const command = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? COMMANDS[argv[0]] : undefined;
    if (command) return await (await command())(argv.slice(1), io);
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(helpText());
      return 0;
    }
    if (args.version) {
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    let answers: Answers = args.answers;
    if (!args.yes && io.interactive) {
      const { askMissing } = await import('./prompts.ts');
      answers = await askMissing(answers);
    }
    const spec = resolveSpec(answers, io.cwd);
    const plan = await buildPlan(spec);
    if (args.dryRun) {
      await checkTarget(plan, { force: args.force });
      io.stdout(`Dry run: nothing written. ${spec.runtime} project for function ${spec.functionName} would be:\n${describePlan(plan, io.cwd)}`);
      return 0;
    }
    const result = await writePlan(plan, { force: args.force });
    const where = relative(io.cwd, plan.targetDir) || '.';
    io.stdout(`Created ${spec.runtime} function ${spec.functionName} in ${where}:\n${describePlan(plan, io.cwd)}`);
    if (result.overwritten.length > 0) io.stdout(`Overwritten (--force): ${result.overwritten.join(', ')}\n`);
    io.stdout(`\nNext:\n  cd ${where}\n  ${plan.testCommand}\n  s deploy\n`);
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
    io.stderr(`error: ${(error as Error).message.split('\n')[0]} (nothing written)\n`);
    return 1;
  }
}
