// How the bin writes its own output, and what it does when that output cannot be written.
// - A run prints a few lines: they go to file descriptors 1 and 2 with writeSync, so that a run which
//   never prompts never creates process.stdout or process.stderr (each loads Node's stream machinery,
//   and node:net for a pipe or a terminal: about 14 M instructions, 2% of a generation, for a pipe).
//   Once anything creates one of those streams (the prompts, `run`'s output), the lines for that
//   descriptor go through the stream, so that nothing overtakes what the stream still holds.
// - `| head -1` closes the pipe (EPIPE) and `>/dev/full` fails every write (ENOSPC), usually after the
//   project is already written. A stream reports both as an 'error' event, which without a listener
//   crashes with a stack trace and exit 1, as if the work had failed; writeSync throws them. Either way
//   later writes are dropped and the exit code stays the one the work returns.
import { writeSync } from 'node:fs';

/** The first write error of an output, once it has failed. */
export interface OutputFailure {
  code: string;
}

type StreamName = 'stdout' | 'stderr';

/** One of the process's two outputs: its descriptor until its stream exists, then the stream. */
class ProcessOutput {
  failure?: OutputFailure;
  stream?: NodeJS.WriteStream;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    if (this.failure) return;
    if (this.stream) {
      this.stream.write(text);
      return;
    }
    let bytes = Buffer.from(text);
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(this.fd, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
        // A non-blocking descriptor that is full for now: the stream waits for it.
        if (code === 'EAGAIN') this.adopt(this.fd === 1 ? process.stdout : process.stderr).write(bytes);
        else this.failure = { code };
        return;
      }
    }
  }

  /** From now on the stream carries this output; its errors are tolerated as writeSync's are. */
  adopt(stream: NodeJS.WriteStream): NodeJS.WriteStream {
    if (this.stream) return stream;
    this.stream = stream;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.failure ??= { code: error.code ?? 'EIO' };
    });
    return stream;
  }
}

/** The bin's two outputs (src/cli/main.ts writes through them). */
export const processOutput: Record<StreamName, ProcessOutput> = { stdout: new ProcessOutput(1), stderr: new ProcessOutput(2) };

/**
 * The stderr line for a stdout that failed, or undefined when nothing needs saying: a closed pipe is the
 * reader's choice (`| head -1` wants only the first line), a full or broken device is worth one line.
 */
export function outputFailureNote(failure: OutputFailure | undefined): string | undefined {
  if (!failure || failure.code === 'EPIPE') return undefined;
  return `warning: stdout: could not be written (${failure.code}); the exit code is the run's own\n`;
}

/** Calls `use` with process[name] when something first creates it (Node makes it on first access). */
function onCreation(name: StreamName, use: (stream: NodeJS.WriteStream) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  if (!descriptor?.get || !descriptor.configurable) {
    use(process[name]);
    return;
  }
  const create = descriptor.get;
  Object.defineProperty(process, name, {
    ...descriptor,
    get() {
      Object.defineProperty(process, name, descriptor);
      const stream = create.call(process) as NodeJS.WriteStream;
      use(stream);
      return stream;
    },
  });
}

/**
 * Tolerates output errors for the whole process and, when stdout failed, says so on stderr as it exits
 * (a stream's error event comes a tick after the last write, so after the run has returned).
 */
export function guardProcessOutput(): void {
  for (const name of ['stdout', 'stderr'] as const) onCreation(name, (stream) => processOutput[name].adopt(stream));
  process.on('exit', () => {
    const note = outputFailureNote(processOutput.stdout.failure);
    if (!note) return;
    try {
      writeSync(2, note);
    } catch {
      // stderr is gone too: the exit code is all that is left to say.
    }
  });
}

/** The output streams something created, holding output not yet written. */
export function pendingStream(): NodeJS.WriteStream | undefined {
  return [processOutput.stdout.stream, processOutput.stderr.stream].find((stream) => stream && !stream.destroyed && stream.writableLength > 0);
}
