import { oneLine } from './escape.ts';

/**
 * Bad input: the field (named as its CLI flag, without dashes) and the rule it broke.
 * The CLI prints it as the single line `error: <field>: <rule>` and exits 1. Values quoted in the rule
 * come from users and files, so control characters in it are shown escaped (see oneLine).
 */
export class InputError extends Error {
  readonly field: string;
  readonly rule: string;

  constructor(field: string, rule: string) {
    super(`${oneLine(field)}: ${oneLine(rule)}`);
    this.name = 'InputError';
    this.field = oneLine(field);
    this.rule = oneLine(rule);
  }
}

export function fail(field: string, rule: string): never {
  throw new InputError(field, rule);
}

/** `value` when it is one of `choices`, else InputError `unknown <field> "<value>"; valid <field>s: <choices>`. */
export function oneOf<T extends string>(field: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) fail(field, `unknown ${field} "${value}"; valid ${field}s: ${choices.join(', ')}`);
  return value as T;
}
