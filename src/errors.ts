/**
 * Bad input: the field (named as its CLI flag, without dashes) and the rule it broke.
 * The CLI prints it as the single line `error: <field>: <rule>` and exits 1.
 */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'InputError';
  }
}

export function fail(field: string, rule: string): never {
  throw new InputError(field, rule);
}
