#!/usr/bin/env node
import module from 'node:module';

// Node >= 22.1 keeps the compiled code of dist/ between runs (in its cache under the OS temp directory,
// off with NODE_DISABLE_COMPILE_CACHE=1), which saves most of the module compile time of each run;
// older Node has no such call. It must run before dist/ is loaded, hence the dynamic import.
module.enableCompileCache?.();
await import('./dist/cli.js');
