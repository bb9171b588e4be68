// The doctor's rules: those every resource gets, and each family's own (its src/runtimes/<family>/
// doctor part, loaded only for the families the project uses).
import { familyOf } from '../../runtimes/index.ts';
import type { FamilyDoctor } from '../../runtimes/family.ts';
import type { CodeModel, Family, Project, Resource, Rule } from '../types.ts';
import { handlerNeedsInitializer } from './guards.ts';
import { hookNotFound, hookWithoutConfig } from './hooks.ts';
import { sYamlRules } from './s-yaml.ts';

/** The rules to run on each resource of `project`: the shared ones, then its family's. */
export async function rulesFor(project: Project): Promise<(resource: Resource) => readonly Rule[]> {
  const doctors: Partial<Record<Family, FamilyDoctor>> = {};
  for (const resource of project.resources) {
    const family = resource.runtime === undefined ? undefined : familyOf(resource.runtime);
    if (family && !doctors[family.id]) doctors[family.id] = await family.doctor();
  }
  const models: Partial<Record<Family, CodeModel>> = Object.fromEntries(Object.entries(doctors).map(([id, doctor]) => [id, doctor.model]));
  const shared: readonly Rule[] = [...sYamlRules, hookNotFound(models), hookWithoutConfig(models), handlerNeedsInitializer(doctors)];
  const byFamily = new Map(Object.entries(doctors).map(([id, doctor]) => [id, [...shared, ...doctor.rules]]));
  return (resource) => (resource.family && byFamily.get(resource.family)) || shared;
}
