#!/usr/bin/env node

// SIGINT and SIGTERM exit 130 and 143 from the first moment, not only once dist/ is loaded (a signal
// during start-up killed the process with no exit code); the CLI replaces these handlers with its own
// (exitOnSignals in src/file-lock.ts), which let a write under way finish or roll back first.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

// Node >= 22.1 keeps the compiled code of dist/ between runs (in its cache under the OS temp directory,
// off with NODE_DISABLE_COMPILE_CACHE=1), which saves most of the module compile time of each run;
// older Node has no such call, and is spared loading node:module for nothing (about 4 M instructions).
// It must run before dist/ is loaded, hence the dynamic imports.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 1)) (await import('node:module')).enableCompileCache();
// doctor reads every resource's s.yaml entry and code: on 1,000 resources TurboFan spent about a third
// of the run's instructions compiling (mostly inlining callees into the reader's and the scanners' hot
// functions), more than the compiled code saved in a run of a few hundred milliseconds. Without
// inlining, that run costs 17% fewer instructions; on one function it changes nothing but the load of
// node:v8 (about 12 M instructions, 2%), which the other commands are spared.
if (process.argv[2] === 'doctor') (await import('node:v8')).setFlagsFromString('--no-turbo-inlining');
await (await import('./dist/cli.js')).start();
