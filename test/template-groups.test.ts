// Templates are loaded one group (top-level folder of templates/) at a time, so a run loads only what
// it renders. Each case here starts from a fresh module graph, where nothing is loaded yet: planning
// then fails if a runtime definition renders a folder it does not declare in `templateGroups`.
import { describe, expect, test, vi } from 'vitest';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import type { Answers } from '../src/spec.ts';
import { HOOK_COMBINATIONS } from './helpers/generate.ts';

/** src/plan.ts and src/spec.ts with no template group loaded. */
async function freshPlanner() {
  vi.resetModules();
  const { buildPlan } = await import('../src/plan.ts');
  const { loadSpec } = await import('../src/spec.ts');
  const { serversFor } = await import('../src/runtimes/custom/generate.ts');
  return { plan: async (answers: Answers) => buildPlan(await loadSpec({ dir: 'my-fn', ...answers }, '/work')), serversFor };
}

describe('a runtime definition renders only the template folders it declares', () => {
  for (const definition of RUNTIMES) {
    test(`${definition.label} (${(definition.templateGroups ?? [definition.family]).join(', ')})`, async () => {
      const { plan, serversFor } = await freshPlanner();
      for (const runtime of definition.ids) {
        // Every answer that picks other templates: the custom runtimes' servers, a container's command initializer.
        const variants: Answers[] = definition.options?.keys.includes('server') ? serversFor(runtime).map((server) => ({ server }))
          : definition.options?.keys.includes('initializerCommand') ? [{}, { gpu: 'fc.gpu.ampere.1', initializerCommand: '/code/warm-up.sh' }]
          : [{}];
        for (const variant of variants) {
          for (const combination of HOOK_COMBINATIONS) {
            if ('initializerCommand' in variant && 'initializer' in combination.answers) continue; // the command is the initializer
            const answers = { runtime, ...variant, ...combination.answers } as Answers;
            await expect(plan(answers), JSON.stringify(answers)).resolves.toHaveProperty('files');
          }
        }
      }
    });
  }
});

test('adding hooks to code loads the hooks templates itself', async () => {
  // Generated from a fresh module graph too: a generator is loaded with import(), which after the tests
  // above reset the modules would give plan.ts of this file's graph a generator of another graph.
  vi.resetModules();
  const { generateProject } = await import('./helpers/generate.ts');
  const roots = [];
  for (const runtime of ['nodejs20', 'nodejs16', 'python3.10', 'php7.2', 'java11', 'go1', 'dotnetcore3.1']) {
    roots.push((await generateProject({ runtime, initializer: false, preStop: false })).root);
  }
  vi.resetModules();
  const { planAddHooks } = await import('../src/hooks/index.ts');
  for (const root of roots) {
    const plan = await planAddHooks({ dir: root, initializer: true, preStop: true }, root);
    expect(plan.notes.filter((note) => / added$/.test(note)), root).toHaveLength(2);
  }
});

test('rendering from a group that is not loaded is an internal error naming the group', async () => {
  vi.resetModules();
  const { loadTemplates, render } = await import('../src/templates.ts');
  expect(() => render('_shared/gitignore', {})).toThrow('internal: template group "_shared" is not loaded');
  await loadTemplates('_shared');
  expect(render('_shared/gitignore', {})).not.toBe('');
  expect(() => render('_shared/nope', {})).toThrow('internal: no template "_shared/nope"');
  await expect(loadTemplates('cobol')).rejects.toThrow('internal: no template group "cobol"');
});
