/** The source of `(c0) => string` for a Handlebars template (see template-compiler.mjs). */
export function compileTemplate(source: string, name: string): string;
