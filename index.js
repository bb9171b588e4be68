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
await (await import('./dist/cli.js')).start();
