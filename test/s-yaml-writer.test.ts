// The small s.yaml writer (src/s-yaml-writer.ts) against the yaml library it stands in for: on every
// generated project it prints the same bytes, and on seeded random names, descriptions and values it
// either prints the same bytes, which parse back to the same data, or leaves the value to the library.
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { entryStrings, type Answers } from '../src/spec.ts';
import { resolveSpec, runtimeFor, RUNTIMES } from '../src/runtimes/generators.ts';
import { sYamlContent } from '../src/s-yaml.ts';
import { printYamlDocument } from '../src/s-yaml-document.ts';
import { writeYaml } from '../src/s-yaml-writer.ts';
import { HOOK_COMBINATIONS, planFor } from './helpers/generate.ts';
import { random } from './helpers/seeded-random.ts';

function contentFor(answers: Answers) {
  const spec = resolveSpec({ dir: 'my-fn', ...answers }, '/work');
  const definition = runtimeFor(spec.runtime);
  return sYamlContent(spec, definition.resource(spec, definition.parseEntries(entryStrings(spec), spec.runtime)));
}

const GPU = { runtime: 'custom-container', gpu: 'fc.gpu.ampere.1', gpuMemorySize: '8192' } as const;
const CASES: Answers[] = [
  ...RUNTIMES.flatMap((definition) => definition.ids.flatMap((runtime) => HOOK_COMBINATIONS.map((combination) => ({ runtime, ...combination.answers })))),
  ...HOOK_COMBINATIONS.map((combination) => ({ runtime: 'custom.debian10', server: 'node', ...combination.answers })),
  GPU,
  { ...GPU, initializerCommand: '/code/warm-up.sh' },
  { ...GPU, initializerCommand: '/code/warm-up.sh', preStop: false },
];

describe('every generated s.yaml', () => {
  test.each(CASES.map((answers) => [JSON.stringify(answers), answers] as const))('%s: the writer prints it, byte for byte as the yaml library', async (_, answers) => {
    const { data, header, commentRoot, comments } = contentFor(answers);
    const written = writeYaml(data, header, commentRoot, comments);
    expect(written, 'the writer covers every generated project').toBeDefined();
    expect(written).toBe(printYamlDocument(data, header, commentRoot, comments));
    expect((await planFor(answers)).files.find((file) => file.path === 's.yaml')!.contents).toBe(written);
  });
});

// Pieces that decide quoting: indicators, `: ` and ` #`, quotes, escapes, keywords, numbers, spaces at
// the ends, line breaks, tabs and text beyond ASCII, besides ordinary words.
const PIECES = ['a', 'fn', 'my-fn', 'x_1', 'Hello', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>',
  "'", '"', '%', '@', '`', '\\', '/', '.', '$', '${vars.region}', '${env(X)}', '(', ')', '=', '+', '~', 'true', 'false', 'null', 'Null', '~', 'yes',
  'no', 'on', 'off', 'y', 'n', '0', '1', '012', '0x1f', '0o17', '1e3', '.5', '.inf', '.nan', '-1', '3.14', '\n', '\t', '\r', 'é', '描述', '✓', '\u0085', '\u2028'];

/** The pieces the writer prints itself (the rest it leaves to the library): half the cases use only these. */
const ASCII_PIECES = PIECES.filter((piece) => /^[\x20-\x7e]+$/.test(piece) && !/['"\\]/.test(piece) && !/^(?:y|n|yes|no|on|off)$/.test(piece));

function randomText(rng: ReturnType<typeof random> & { pieces: readonly string[] }, max: number): string {
  let text = '';
  for (let i = Math.floor(rng.next() * max); i > 0; i -= 1) text += rng.pick(rng.pieces);
  return text;
}

function randomValue(rng: Parameters<typeof randomText>[0], depth: number): unknown {
  const kind = rng.next();
  if (depth < 2 && kind < 0.15) return Object.fromEntries(Array.from({ length: 1 + Math.floor(rng.next() * 3) }, () => [randomText(rng, 3) || 'k', randomValue(rng, depth + 1)]));
  if (depth < 2 && kind < 0.25) return Array.from({ length: Math.floor(rng.next() * 3) }, () => randomValue(rng, depth + 1));
  if (kind < 0.3) return rng.pick([0, 1, 60, 512, -3, 2 ** 53, 0.5, -0, true, false]);
  return randomText(rng, 6);
}

describe('seeded random names, descriptions and values', () => {
  test('the writer prints what the yaml library prints, which parses back to the same data, or leaves it to the library', () => {
    let written = 0;
    let left = 0;
    for (let seed = 1; seed <= 4000; seed += 1) {
      const rng = { ...random(seed), pieces: seed % 2 === 0 ? ASCII_PIECES : PIECES };
      const name = randomText(rng, 3) || 'my-fn';
      const props: Record<string, unknown> = { functionName: name, description: randomText(rng, 8), runtime: 'nodejs20', memorySize: 512 };
      for (let i = Math.floor(rng.next() * 3); i > 0; i -= 1) props[randomText(rng, 2) || 'key'] = randomValue(rng, 0);
      const data = { edition: '3.0.0', name, access: 'default', vars: { region: randomText(rng, 3) }, resources: { [name]: { component: 'fc3', props } } };
      const comments = { 'props.memorySize': randomText(rng, 4) || 'A comment.' };
      const header = 'A header.';
      const byLibrary = printYamlDocument(data, header, ['resources', name], comments);
      expect(parse(byLibrary), `seed ${seed}: the library round-trips`).toEqual(data);
      const byWriter = writeYaml(data, header, ['resources', name], comments);
      if (byWriter === undefined) {
        left += 1;
        continue;
      }
      written += 1;
      expect(byWriter, `seed ${seed}`).toBe(byLibrary);
      expect(parse(byWriter), `seed ${seed}`).toEqual(data);
    }
    // Both paths are taken often enough to mean something.
    expect(written).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(300);
  });
});
