// Bundles the CLI and the programmatic API into dist/ with every library and template inlined,
// so the published package has no runtime dependencies (the create-vite model).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { esbuildTemplatesPlugin } from './templates-module.mjs';

const outdir = new URL('../dist', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/run.ts', index: 'src/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [esbuildTemplatesPlugin()],
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
