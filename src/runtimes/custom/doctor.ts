// The doctor's part of the custom runtime and container families (their index.ts files).
import type { FamilyDoctor } from '../family.ts';
import { serverWaitsForInitialize } from './guards.ts';
import { customModel, customRules } from './rules.ts';

export const doctor: FamilyDoctor = { model: customModel, rules: [...customRules, serverWaitsForInitialize] };
