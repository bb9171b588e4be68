// Issue 10's layout, kept: a runtime family is one folder under src/runtimes/ and one under templates/,
// listed once in the registry (src/runtimes/index.ts). Everything else derives from the registry, so no
// other source file names a family by its string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FAMILIES } from '../src/runtimes/index.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const runtimesDir = join(repo, 'src', 'runtimes');
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

describe('every registered family provides every part', () => {
  test('the registry lists each family folder of src/runtimes/ once, and nothing else', () => {
    expect(FAMILIES.map((family) => family.id).sort()).toEqual(folders(runtimesDir));
  });

  for (const family of FAMILIES) {
    test(family.id, async () => {
      expect(statSync(join(repo, 'templates', family.id)).isDirectory(), `templates/${family.id}/`).toBe(true);
      const generator = await family.generator();
      expect(generator.family).toBe(family.id);
      expect(generator.ids.length).toBeGreaterThan(0);
      for (const id of generator.ids) expect(family.runtimeIds.test(id), `${id} is one of ${family.runtimeIds}`).toBe(true);
      const edit = await family.edit();
      expect(edit.code ?? edit.http, 'edit(): code or HTTP hooks').toBeDefined();
      // add checks entries with the edit parts' rules, a generation with the generator's: one function.
      expect(edit.parseEntries, 'edit().parseEntries is the generator\'s').toBe(generator.parseEntries);
      const doctor = await family.doctor();
      expect(typeof doctor.model.resolveHook).toBe('function');
      expect(typeof doctor.model.hooksInCode).toBe('function');
      expect(Array.isArray(doctor.rules)).toBe(true);
      const runner = await family.runner();
      expect(typeof runner.start).toBe('function');
    });
  }

  test('no two families claim one runtime id', () => {
    for (const family of FAMILIES) {
      for (const id of family.card.ids) expect(FAMILIES.filter((other) => other.runtimeIds.test(id)).map((other) => other.id), id).toEqual([family.id]);
    }
  });
});

// The card holds what the CLI needs of a generator before it loads one (src/runtimes/family.ts), and the
// generator takes those fields from it (cardFields); the recipes the card lists must be the ones the
// generator writes, or a run would check answers against one and write with the other.
describe("each family's card says what its generator says", () => {
  for (const family of FAMILIES) {
    test(family.id, async () => {
      const generator = await family.generator();
      expect(family.card).toEqual({
        label: generator.label,
        ids: generator.ids,
        defaults: generator.defaults,
        placeHook: generator.placeHook,
        optionKeys: generator.options?.keys ?? [],
        recipes: Object.keys(generator.recipes ?? {}),
      });
    });
  }
});

test('no src/ file outside a family folder and the registry names a family by its string', () => {
  const ids = FAMILIES.map((family) => family.id);
  const named = new RegExp(String.raw`(['"\`])(${ids.join('|')})\1`, 'g');
  const allowed = (path: string) => path === join(runtimesDir, 'index.ts') || ids.some((id) => path.startsWith(join(runtimesDir, id) + sep));
  const offenders = filesUnder(join(repo, 'src'))
    .filter((path) => path.endsWith('.ts') && !allowed(path))
    .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(named)].map((match) => `${relative(repo, path)}: ${match[0]}`));
  expect(offenders).toEqual([]);
});
