import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildPlan, type FilePlan } from '../../src/plan.ts';
import { InputError } from '../../src/errors.ts';
import { resolveSpec } from '../../src/runtimes/generators.ts';
import type { Answers } from '../../src/spec.ts';
import { writePlan } from '../../src/writer.ts';
import { parse } from 'yaml';

/** The four hook combinations every runtime is generated and tested with. */
export const HOOK_COMBINATIONS = [
  { name: 'both hooks', answers: {} },
  { name: 'initializer only', answers: { preStop: false } },
  { name: 'preStop only', answers: { initializer: false } },
  { name: 'neither hook', answers: { initializer: false, preStop: false } },
] as const satisfies readonly { name: string; answers: Answers }[];

/** A fresh directory under the run's temporary root (see global-setup.ts), removed after the run. */
export function tempDir(prefix = 'fc-gen-'): string {
  return mkdtempSync(join(inject('tmpRoot'), prefix));
}

/** Plans a project for answers in a fixed directory, so snapshots do not depend on the machine. */
export function planFor(answers: Answers): Promise<FilePlan> {
  return buildPlan(resolveSpec({ dir: 'my-fn', ...answers }, '/work'));
}

/** Generates a project on disk in a fresh temp directory; returns its root. */
export async function generateProject(answers: Answers): Promise<{ root: string; plan: FilePlan }> {
  const plan = await buildPlan(resolveSpec({ dir: 'my-fn', ...answers }, tempDir()));
  await writePlan(plan);
  return { root: plan.targetDir, plan };
}

/** The whole plan as one text: each file under a header line. Used for snapshots. */
export function planText(plan: FilePlan): string {
  return plan.files
    .map((file) => `===== ${file.path}${file.executable ? ' (executable)' : ''} =====\n${file.contents}`)
    .join('\n');
}

/** The entry strings a generated s.yaml points at (a hook that is off is undefined). */
export function sYamlEntries(plan: FilePlan): { handler?: string; initializer?: string; preStop?: string } {
  const text = plan.files.find((file) => file.path === 's.yaml')!.contents;
  const [resource] = Object.values(parse(text).resources) as { props: Record<string, any> }[];
  const props = resource!.props;
  return {
    handler: props.handler,
    initializer: props.instanceLifecycleConfig?.initializer?.handler,
    preStop: props.instanceLifecycleConfig?.preStop?.handler,
  };
}

/** The InputError that `resolveSpec` throws for answers (in `my-fn`), as field and rule; fails when it accepts them. */
export function specErrorOf(answers: Answers): { field: string; rule: string } {
  try {
    resolveSpec({ dir: 'my-fn', ...answers }, '/work');
  } catch (error) {
    if (error instanceof InputError) return { field: error.field, rule: error.rule };
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(answers)}`);
}
