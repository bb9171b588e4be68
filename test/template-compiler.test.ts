// Templates are compiled to plain functions at build time (scripts/template-compiler.mjs), without the
// Handlebars runtime. Each feature the templates use prints what Handlebars printed (strict, noEscape,
// the same helpers); anything else stops the build. The plan snapshots pin every real template's output.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { compileTemplate } from '../scripts/template-compiler.mjs';
import * as runtime from '../src/template-runtime.ts';

/** The compiled function, evaluated over the template runtime as the generated modules import it. */
function compiled(source: string): (data: object) => string {
  const names = Object.keys(runtime);
  return new Function(...names, `return ${compileTemplate(source, 'test')};`)(...names.map((name) => (runtime as Record<string, unknown>)[name]));
}

/** Handlebars itself, as the templates were rendered before: strict, noEscape, the same helpers. */
function byHandlebars(source: string): (data: object) => string {
  const instance = Handlebars.create();
  for (const [name, helper] of Object.entries(runtime.helpers)) instance.registerHelper(name, helper as Handlebars.HelperDelegate);
  return instance.compile(source, { noEscape: true, strict: true });
}

const DATA = {
  name: 'my-fn', zero: 0, empty: '', no: false, yes: true, none: null, list: ['a', 'b'], emptyList: [],
  objects: [{ name: 'x', port: 1 }, { name: 'y', port: 2 }], map: { k1: 'v1', k2: 'v2' }, nested: { deep: { value: 'd' } },
  style: 'esm', html: '<a href="x">&</a>', code: 'a|b`c',
};

describe('each feature prints what Handlebars printed', () => {
  test.each([
    ['text only', 'plain\ntext\n'],
    ['a value, a missing-but-null one, numbers and booleans', '{{name}} [{{none}}] {{zero}} {{no}} {{yes}} {{list}}\n'],
    ['triple stash and no HTML escaping', '{{{html}}} {{html}}\n'],
    ['dotted paths', '{{nested.deep.value}}\n'],
    ['helpers', '{{json name}} {{json list}} {{json objects}} {{tableCode code}}\n'],
    ['if / else on falsy values, empty arrays and objects', '{{#if zero}}z{{else}}no zero{{/if}} {{#if empty}}e{{/if}}{{#if emptyList}}l{{else}}no list{{/if}} {{#if map}}map{{/if}}\n'],
    ['unless, with and without else', '{{#unless no}}not no{{/unless}} {{#unless yes}}y{{else}}yes{{/unless}} {{#unless emptyList}}empty{{/unless}}\n'],
    ['else if chains', '{{#if no}}a{{else if none}}b{{else if yes}}c{{else}}d{{/if}}\n'],
    ['a subexpression', '{{#if (eq style "esm")}}esm{{else}}cjs{{/if}} {{#if (eq style "commonjs")}}cjs{{/if}}\n'],
    ['each over values, objects and a map, with else', '{{#each list}}[{{this}}]{{/each}} {{#each objects}}{{name}}:{{port}},{{/each}} {{#each map}}{{{this}}};{{/each}} {{#each emptyList}}x{{else}}none{{/each}}\n'],
    ['standalone block lines are dropped whole', 'a\n  {{#if yes}}\n  b\n  {{else}}\n  c\n  {{/if}}\n{{#each list}}\n- {{this}}\n{{/each}}\nend\n'],
    ['whitespace control and comments', 'a  {{~name~}}  b {{! a comment }}\n{{!-- long --}}\nc\n'],
  ])('%s', (_, source) => {
    expect(compiled(source)(DATA)).toBe(byHandlebars(source)(DATA));
  });

  test('strict: a printed field that is missing throws, as with Handlebars; a block argument that is missing is false', () => {
    expect(() => byHandlebars('{{missing}}')(DATA)).toThrow('"missing" not defined');
    expect(() => compiled('{{missing}}')(DATA)).toThrow('"missing" not defined');
    expect(compiled('{{#if missing}}x{{else}}y{{/if}}')(DATA)).toBe(byHandlebars('{{#if missing}}x{{else}}y{{/if}}')(DATA));
  });
});

describe('what the compiler does not know stops the build, naming the template and line', () => {
  test.each([
    ['a partial', 'x\n{{> other}}'],
    ['@index', '{{#each list}}{{@index}}{{/each}}'],
    ['a parent path', '{{#each list}}{{../name}}{{/each}}'],
    ['an unknown helper', '{{upper name}}'],
    ['an unknown block helper', '{{#with nested}}{{deep}}{{/with}}'],
    ['hash arguments', '{{json name indent=2}}'],
  ])('%s', (_, source) => {
    expect(() => compileTemplate(source, 'group/file')).toThrow(/^templates\/group\/file\.hbs:\d+: .* is not supported by the template compiler/);
  });

  test('every template under templates/ compiles', () => {
    const root = new URL('../templates', import.meta.url).pathname;
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.hbs'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(() => compileTemplate(readFileSync(join(root, file), 'utf8'), relative(root, join(root, file)))).not.toThrow();
  });
});
