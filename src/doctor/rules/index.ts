// The doctor's rules: those every resource gets, and each family's own (its src/runtimes/<family>/
// doctor part, loaded with this module, so only the doctor pays for them).
import { FAMILIES } from '../../runtimes/index.ts';
import type { FamilyDoctor } from '../../runtimes/family.ts';
import type { CodeModel, Family, Resource, Rule } from '../types.ts';
import { handlerNeedsInitializer } from './guards.ts';
import { hookNotFound, hookWithoutConfig } from './hooks.ts';
import { sYamlRules } from './s-yaml.ts';

const DOCTORS = new Map<Family, FamilyDoctor>(await Promise.all(FAMILIES.map(async (family) => [family.id, await family.doctor()] as const)));

const MODELS: Partial<Record<Family, CodeModel>> = Object.fromEntries([...DOCTORS].map(([id, doctor]) => [id, doctor.model]));

/** The rules every resource gets, whatever its family. */
const SHARED: readonly Rule[] = [
  ...sYamlRules,
  hookNotFound(MODELS),
  hookWithoutConfig(MODELS),
  handlerNeedsInitializer(Object.fromEntries(DOCTORS)),
];

const BY_FAMILY = new Map([...DOCTORS].map(([id, doctor]) => [id, [...SHARED, ...doctor.rules]]));

/** The rules to run on one resource: the shared ones, then its family's. */
export function rulesFor(resource: Resource): readonly Rule[] {
  return (resource.family && BY_FAMILY.get(resource.family)) || SHARED;
}
