// What the compiled templates (scripts/template-compiler.mjs) call: Handlebars' semantics for the
// parts of it the templates use, with `noEscape` (the output is code, not HTML) and `strict`.
import { codeSpan } from './escape.ts';

/** A value as Handlebars prints it: nothing for null and undefined, else as a string. */
export function out(value: unknown): string {
  return value == null ? '' : String(value);
}

/**
 * A dotted path on a context, own properties only (as Handlebars' prototype access rules). `strict`
 * (a printed `{{path}}`): a missing last field throws, as Handlebars' strict mode does; helper and
 * block arguments are not strict there either.
 */
export function lookup(context: unknown, parts: readonly string[], strict: boolean): unknown {
  let value = context;
  for (const [index, part] of parts.entries()) {
    if (strict && index === parts.length - 1 && (!value || !(part in Object(value)))) {
      throw new Error(`"${part}" not defined in ${String(value)}`);
    }
    value = value != null && Object.hasOwn(Object(value), part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** `{{#if}}`: false for falsy values (0 included) and empty arrays. */
export function truthy(value: unknown): boolean {
  return Boolean(value) && !(Array.isArray(value) && value.length === 0);
}

/** `{{#each}}`: the block once per array item or own property value, else the `{{else}}` part. */
export function each(items: unknown, block: (item: unknown) => string, inverse: () => string): string {
  const values = Array.isArray(items) ? items : items !== null && typeof items === 'object' ? Object.values(items) : [];
  return values.length === 0 ? inverse() : values.map(block).join('');
}

/** The helpers the templates may use. Kept tiny: templates hold code, logic stays in TypeScript. */
export const helpers = {
  json: (value: unknown) => JSON.stringify(value),
  eq: (a: unknown, b: unknown) => a === b,
  // A user's value as a code span in a markdown table cell (the README's entry points).
  tableCode: (value: unknown) => codeSpan(String(value), true),
};
