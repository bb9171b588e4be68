// Entry of the bin: runs the CLI and exits with its code.
import { main } from './main.ts';

process.on('SIGINT', () => process.exit(130));
process.exitCode = await main(process.argv.slice(2));
