// The complete file plan of every runtime x hook combination (and of --trigger http), one reviewable file per case under
// test/__snapshots__/plans/. A snapshot only pins the output: the per-runtime tests run the code.
import { describe, expect, test } from 'vitest';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { HOOK_COMBINATIONS, planFor, planText } from './helpers/generate.ts';

for (const definition of RUNTIMES) {
  describe(definition.label, () => {
    for (const runtime of definition.ids) {
      for (const combination of HOOK_COMBINATIONS) {
        test(`${runtime}, ${combination.name}`, async () => {
          const plan = await planFor({ runtime, ...combination.answers });
          const slug = combination.name.replace(/\W+/g, '-');
          await expect(planText(plan)).toMatchFileSnapshot(`__snapshots__/plans/${runtime}--${slug}.txt`);
        });
      }
    }
  });
}

// --trigger http, for every runtime: both hooks, and neither (the handler alone).
describe('--trigger http', () => {
  for (const runtime of RUNTIMES.flatMap((definition) => definition.ids)) {
    for (const combination of [HOOK_COMBINATIONS[0], HOOK_COMBINATIONS[3]]) {
      test(`${runtime}, ${combination.name}`, async () => {
        const plan = await planFor({ runtime, trigger: 'http', ...combination.answers });
        const slug = combination.name.replace(/\W+/g, '-');
        await expect(planText(plan)).toMatchFileSnapshot(`__snapshots__/plans/${runtime}--http--${slug}.txt`);
      });
    }
  }
});
