// The complete file plan of every runtime x hook combination (and of --trigger http), one reviewable file per case under
// test/__snapshots__/plans/. A snapshot only pins the output: the per-runtime tests run the code.
import { describe, expect, test } from 'vitest';
import { offersTypeScript } from '../src/languages.ts';
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

// --language typescript, on every runtime (and server) that takes it.
describe('TypeScript', () => {
  const variants = RUNTIMES.flatMap((definition) =>
    definition.ids.filter((id) => offersTypeScript(definition, { server: 'node' }, id)).map((runtime) => ({
      runtime,
      answers: definition.options?.keys.includes('server') ? { server: 'node' } : {},
    })));

  test('is offered on nodejs18, nodejs20 and custom.debian10 with the node server', () => {
    expect(variants).toEqual([
      { runtime: 'nodejs18', answers: {} },
      { runtime: 'nodejs20', answers: {} },
      { runtime: 'custom.debian10', answers: { server: 'node' } },
    ]);
  });

  for (const { runtime, answers } of variants) {
    for (const combination of HOOK_COMBINATIONS) {
      test(`${runtime}, ${combination.name}`, async () => {
        const plan = await planFor({ runtime, ...answers, language: 'typescript', ...combination.answers });
        const slug = combination.name.replace(/\W+/g, '-');
        const server = 'server' in answers ? '--server-node' : '';
        await expect(planText(plan)).toMatchFileSnapshot(`__snapshots__/plans/${runtime}${server}--typescript--${slug}.txt`);
      });
    }
  }
});

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
