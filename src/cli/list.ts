// `create-fc-lifecycle --list [--json]`: what the generator offers, for scripts and editors, read from
// the registries the generation itself uses (every generator, RECIPES, DEFAULTS), so a runtime, recipe,
// language or trigger that is registered there is listed without a change here but its section line.
import { DEFAULT_LANGUAGE, LANGUAGES, offersTypeScript, type Language } from '../languages.ts';
import { familyWrites } from '../recipe-answers.ts';
import { DEFAULT_RECIPE, RECIPE_LABELS, RECIPES } from '../recipes.ts';
import { DEFAULT_TRIGGER, TRIGGER_LABELS, TRIGGERS } from '../triggers.ts';
import { DEFAULT_REGION } from '../regions.ts';
import { allGenerators } from '../runtimes/index.ts';
import type { RuntimeDefinition } from '../runtimes/types.ts';
import { DEFAULT_DIR, DEFAULT_RUNTIME, DEFAULTS, RUNTIME_OPTIONS } from '../spec.ts';

type Value = string | number | readonly string[];
/** One row of a section (a runtime, a recipe), or a section's settings (the defaults). */
type Entry = Record<string, Value>;


/** The runtime ids a language can be chosen for: JavaScript wherever `--language` is taken, TypeScript where the family accepts it (with its node server). */
function runtimesFor(runtimes: readonly RuntimeDefinition[], language: Language): string[] {
  return runtimes.filter((definition) => definition.options?.keys.includes('language')).flatMap((definition) =>
    definition.ids.filter((id) => language !== 'typescript' || offersTypeScript(definition, definition.options!.keys.includes('server') ? { server: 'node' } : {}, id)));
}

/**
 * The sections of the list, in print order: a list of rows, or one entry of settings. A new section
 * (`languages`, `triggers`) is one line here; the text and JSON output follow from it.
 */
const SECTIONS: Record<string, (runtimes: readonly RuntimeDefinition[]) => Entry[] | Entry> = {
  runtimes: (runtimes) =>
    runtimes.flatMap((definition) =>
      definition.ids.map((id) => ({
        id,
        family: definition.family,
        label: definition.label,
        handler: definition.defaults.handler,
        initializer: definition.defaults.initializer,
        preStop: definition.defaults.preStop,
        recipes: RECIPES.filter((recipe) => familyWrites(definition, recipe)),
        options: (definition.options?.keys ?? []).map((key) => `--${RUNTIME_OPTIONS[key]}`),
      })),
    ),
  recipes: (runtimes) => RECIPES.map((id) => ({ id, families: runtimes.filter((definition) => familyWrites(definition, id)).map((definition) => definition.family), label: RECIPE_LABELS[id] })),
  languages: (runtimes) => LANGUAGES.map((id) => ({ id, runtimes: runtimesFor(runtimes, id) })),
  triggers: () => TRIGGERS.map((id) => ({ id, label: TRIGGER_LABELS[id] })),
  defaults: () => ({
    runtime: DEFAULT_RUNTIME,
    dir: DEFAULT_DIR,
    region: DEFAULT_REGION,
    memorySize: DEFAULTS.memorySize,
    timeout: DEFAULTS.timeout,
    initializerTimeout: DEFAULTS.hookTimeout,
    preStopTimeout: DEFAULTS.hookTimeout,
    recipe: DEFAULT_RECIPE,
    language: DEFAULT_LANGUAGE,
    trigger: DEFAULT_TRIGGER,
  }),
};

/** Every section's data, keyed by section name: the `--json` document. */
function listData(runtimes: readonly RuntimeDefinition[]): Record<string, Entry[] | Entry> {
  return Object.fromEntries(Object.entries(SECTIONS).map(([name, section]) => [name, section(runtimes)]));
}

const cell = (value: Value | undefined) => (Array.isArray(value) ? value.join(', ') || '-' : String(value ?? ''));

/** Rows under a header of their keys, each column padded to its widest cell. */
function table(rows: Entry[]): string[] {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns, ...rows.map((row) => columns.map((column) => cell(row[column])))];
  const widths = columns.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => `  ${line.map((text, i) => (i === line.length - 1 ? text : text.padEnd(widths[i]!))).join('  ')}`);
}

/** Settings as aligned `name  value` lines. */
function settings(entry: Entry): string[] {
  const width = Math.max(...Object.keys(entry).map((name) => name.length));
  return Object.entries(entry).map(([name, value]) => `  ${name.padEnd(width)}  ${cell(value)}`);
}

/** The `--list` output: JSON (`json`) or a titled, aligned table per section (it loads every generator). */
export async function listText(json: boolean): Promise<string> {
  const data = listData(await allGenerators());
  if (json) return `${JSON.stringify(data, null, 2)}\n`;
  return Object.entries(data)
    .map(([name, section]) => [`${name[0]!.toUpperCase()}${name.slice(1)}:`, ...(Array.isArray(section) ? table(section) : settings(section))].join('\n'))
    .join('\n\n')
    .concat('\n');
}
