// What the bin does when its output cannot be written: `| head -1` closes the pipe (EPIPE) and
// `>/dev/full` fails every write (ENOSPC), usually after the project is already written. Node reports
// both as an 'error' event on the stream, which without a listener crashes with a stack trace and
// exit 1, as if the work had failed.
import { writeSync } from 'node:fs';

/** The first write error of a stream, once it has failed. */
export interface OutputFailure {
  code: string;
}

/**
 * Keeps a failed stdout or stderr from crashing the process: later writes are dropped, and the exit
 * code stays the one the work returns. Returns what failed (read it after the run).
 */
export function tolerateOutputErrors(stream: NodeJS.WriteStream): { failure?: OutputFailure } {
  const state: { failure?: OutputFailure } = {};
  stream.on('error', (error: NodeJS.ErrnoException) => {
    state.failure ??= { code: error.code ?? 'EIO' };
  });
  return state;
}

/**
 * The stderr line for a stdout that failed, or undefined when nothing needs saying: a closed pipe is the
 * reader's choice (`| head -1` wants only the first line), a full or broken device is worth one line.
 */
export function outputFailureNote(failure: OutputFailure | undefined): string | undefined {
  if (!failure || failure.code === 'EPIPE') return undefined;
  return `warning: stdout: could not be written (${failure.code}); the exit code is the run's own\n`;
}

/**
 * Tolerates output errors for the whole process and, when stdout failed, says so on stderr as it exits
 * (the error event comes a tick after the last write, so after the run has returned).
 */
export function guardProcessOutput(): void {
  const stdout = tolerateOutputErrors(process.stdout);
  tolerateOutputErrors(process.stderr);
  process.on('exit', () => {
    const note = outputFailureNote(stdout.failure);
    if (!note) return;
    try {
      writeSync(2, note);
    } catch {
      // stderr is gone too: the exit code is all that is left to say.
    }
  });
}
