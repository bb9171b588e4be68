// The light s.yaml reader (src/project/light-yaml.ts) against the yaml library (compareLight: it
// declines, or gives exactly the library's nodes, ranges, data and lines, in both parse modes): on
// every s.yaml the generator writes, the same with its hooks switched off by `remove`, every s.yaml
// fixture in test/, and random s.yaml-ish documents.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { switchOffHook } from '../src/hooks/s-yaml-edit.ts';
import { RECIPES } from '../src/recipes.ts';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { TRIGGERS } from '../src/triggers.ts';
import type { Answers } from '../src/spec.ts';
import { HOOK_COMBINATIONS, planFor } from './helpers/generate.ts';
import { lightParse } from '../src/project/light-yaml.ts';
import { OPTIONS } from '../src/project/parse.ts';
import { compareLight } from './helpers/light-yaml-compare.ts';
import { yamlish } from './helpers/yamlish.ts';

const MODES = ['read', 'edit'] as const;

/** The s.yaml a generation writes, or undefined when the answers are refused (a recipe a runtime lacks). */
async function generatedSYaml(answers: Answers): Promise<string | undefined> {
  try {
    return (await planFor(answers)).files.find((file) => file.path === 's.yaml')!.contents;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

const VARIANTS: Answers[] = [
  ...RECIPES.flatMap((recipe) => TRIGGERS.flatMap((trigger) => HOOK_COMBINATIONS.map(({ answers }) => ({ recipe, trigger, ...answers })))),
  { language: 'typescript' },
  { server: 'flask' },
  { server: 'node' },
  { gpu: 'fc.gpu.tesla.1', initializerCommand: 'python3 -c "print(1)" # warm' },
  { description: `it's "quoted": #1, 中文 ${'${vars.x}'}`, env: ['A=1', 'B=true', 'C=0x1F', 'D=a #b', 'E=${env(HOME)}', "F='x'", 'G=', 'H=中文'] },
];

describe('the light reader on every s.yaml the generator writes', () => {
  test('reads each exactly as the library does, also with its hooks switched off (never declines)', async () => {
    let files = 0;
    for (const runtime of RUNTIMES.flatMap((definition) => definition.ids)) {
      for (const variant of VARIANTS) {
        const text = await generatedSYaml({ runtime, ...variant });
        if (text === undefined) continue;
        const key = /^resources:\n {2}([^:\n]+):/m.exec(text)![1]!;
        const switchedOff = [await switchOffHook(text, key, 'preStop'), await switchOffHook(await switchOffHook(text, key, 'initializer'), key, 'preStop')];
        for (const each of [text, ...switchedOff]) {
          for (const mode of MODES) expect(compareLight(each, mode), each).toBe('same');
          files += 1;
        }
      }
    }
    console.log(`light-yaml generated: ${files} s.yaml files`);
    expect(files).toBeGreaterThan(500);
  });
});

function sYamlFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sYamlFixtures(path);
    return name === 's.yaml' || name === 's.yml' ? [path] : [];
  });
}

describe('the light reader on the s.yaml fixtures of test/', () => {
  test('declines or matches the library exactly', () => {
    const fixtures = sYamlFixtures(join(import.meta.dirname, 'fixtures'));
    expect(fixtures.length).toBeGreaterThan(15);
    for (const path of fixtures) for (const mode of MODES) compareLight(readFileSync(path, 'utf8'), mode);
  });
});

describe('the light reader on random s.yaml-ish documents', () => {
  test('declines or matches the library exactly, in both modes', () => {
    const counts = { same: 0, declined: 0 };
    for (let seed = 1; seed <= 4000; seed += 1) {
      const text = yamlish(seed);
      for (const mode of MODES) counts[compareLight(text, mode)] += 1;
    }
    console.log(`light-yaml random: ${JSON.stringify(counts)}`);
    // Both outcomes are exercised: most documents are read, the rest declined.
    expect(counts.same).toBeGreaterThan(3000);
    expect(counts.declined).toBeGreaterThan(1000);
  });
});

const nestedMaps = (depth: number) => `${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}a:`).join('\n')} 1\n`;

describe('the light reader on deep nesting', () => {
  // The library reports nesting too deep for its stack as an error, and expanding it to data would
  // exhaust the stack too: the light reader declines it, whatever the stack's size at the time.
  test.each([
    ['flow sequences', `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`],
    ['flow sequences, 101 levels', `a: ${'['.repeat(101)}${']'.repeat(101)}\n`],
    ['block mappings', nestedMaps(3000)],
    ['block mappings, 101 levels', nestedMaps(101)],
  ])('%s: declines', (_name, text) => {
    for (const mode of MODES) expect(lightParse(text, OPTIONS[mode]) === undefined).toBe(true);
  });

  test('100 levels are read as the library reads them', () => {
    for (const mode of MODES) expect(compareLight(nestedMaps(100), mode)).toBe('same');
  });
});
