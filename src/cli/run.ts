// What the bin (index.js) runs: the CLI, then exit with its code. A function rather than top-level code,
// so that this module, which the files loaded later import from, finishes loading before the CLI runs.
import { guardProcessOutput, pendingStream } from './closed-output.ts';
import { exitOnSignals } from '../file-lock.ts';
import { main } from './main.ts';

export async function start(): Promise<void> {
  // SIGINT exits 130 and SIGTERM 143; a write under way is finished or rolled back first.
  exitOnSignals();
  guardProcessOutput();
  process.exitCode = await main(process.argv.slice(2));
  exitWhenFlushed();
}

/**
 * Exits as soon as stdout and stderr (their streams, if anything made them) hold no unwritten output,
 * rather than when the event loop drains: after a drain Node closes the signal handlers before the
 * process is gone, and a SIGTERM in that window ended a run that had finished writing with no exit
 * status. The check waits a turn of the event loop first, so that a failed stdout stream reports its
 * error (a tick after the last write) to guardProcessOutput before the exit.
 */
function exitWhenFlushed(): void {
  setImmediate(() => {
    const pending = pendingStream();
    if (pending) pending.once('drain', exitWhenFlushed);
    else process.exit();
  });
}
