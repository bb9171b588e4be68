// Entry of the bin: runs the CLI and exits with its code.
import { guardProcessOutput } from './closed-output.ts';
import { main } from './main.ts';

process.on('SIGINT', () => process.exit(130));
guardProcessOutput();
process.exitCode = await main(process.argv.slice(2));
