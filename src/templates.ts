import templates, { runtime as handlebars } from 'virtual:fc-templates';

// Helpers the templates may use. Kept tiny: templates hold code, logic stays in TypeScript.
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);

/** Renders `templates/<name>.hbs` (name without the suffix) with `data`. */
export function render(name: string, data: object): string {
  const template = templates[name];
  if (!template) throw new Error(`internal: no template "${name}"`);
  return template(data);
}

/** Names of every template, e.g. for tests that check none is left unused. */
export const templateNames: readonly string[] = Object.keys(templates);
