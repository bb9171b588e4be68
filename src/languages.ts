/** The languages a Node.js function or node server can be written in (`--language`); TypeScript is built to an ES module before deploy. */
export type Language = 'javascript' | 'typescript';
export const LANGUAGES: readonly Language[] = ['javascript', 'typescript'];
export const DEFAULT_LANGUAGE: Language = 'javascript';
