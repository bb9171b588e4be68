// What `add` leaves in a hook of s.yaml must be what fc3 accepts: a kept timeout of 1e400 (Infinity)
// or -5, or a `command` that is a string beside the handler add sets, deployed as a broken hook while
// add said "Updated". Refused with one line instead, naming the flag that replaces the value.
import { fail } from '../errors.ts';
import { LIMITS } from '../spec.ts';
import type { HookState } from './types.ts';
import { HOOK_FLAGS, type HookKind } from './types.ts';

const TIMEOUT_FIELDS = { initializer: 'initializer-timeout', preStop: 'pre-stop-timeout' } as const;

/** Refuses a hook whose values add would keep (timeout when none is given, command) that fc3 refuses. */
export function checkKeptValues(state: HookState, kind: HookKind, newTimeout: number | undefined, where: string): void {
  const field = TIMEOUT_FIELDS[kind];
  const { min, max } = LIMITS[field];
  const { timeout, rawCommand } = state;
  if (newTimeout === undefined && timeout !== undefined && !(Number.isInteger(timeout) && (timeout as number) >= min && (timeout as number) <= max)) {
    const shown = typeof timeout === 'number' ? String(timeout) : JSON.stringify(timeout);
    fail(field, `s.yaml has ${kind} timeout ${shown}${where}, which fc3 refuses (whole seconds from ${min} to ${max}); pass --${field} to replace it`);
  }
  if (rawCommand !== undefined && rawCommand !== null && !(Array.isArray(rawCommand) && rawCommand.every((part) => typeof part === 'string'))) {
    fail(HOOK_FLAGS[kind], `s.yaml has a ${kind} command that is not a list of strings${where}, which fc3 refuses; fix or delete it first`);
  }
}
