import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM helper shared with the esbuild build
import { viteTemplatesPlugin } from './scripts/templates-module.mjs';

export default defineConfig({
  plugins: [viteTemplatesPlugin()],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
