// Entry of the bin: runs the CLI and exits with its code.
import { guardProcessOutput } from './closed-output.ts';
import { exitOnSignals } from '../file-lock.ts';
import { main } from './main.ts';

// SIGINT exits 130 and SIGTERM 143; a write under way is finished or rolled back first.
exitOnSignals();
guardProcessOutput();
process.exitCode = await main(process.argv.slice(2));
