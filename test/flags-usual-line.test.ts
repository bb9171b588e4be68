// parseUsualLine (src/cli/flags.ts) parses the usual command line without node's parseArgs, and hands
// every other line to it: on lines drawn from each command's flags and from the shapes parseArgs treats
// specially (values starting with `-`, `--name=`, grouped short flags, `-`, `--`, unknown flags), what it
// returns is exactly what parseArgs returns, and it declines (undefined) whenever parseArgs would throw.
import { parseArgs } from 'node:util';
import { describe, expect, test } from 'vitest';
import { OPTIONS } from '../src/cli/args.ts';
import { parseUsualLine } from '../src/cli/flags.ts';
import { COMMON_OPTIONS } from '../src/cli/hook-command.ts';
import { random } from './helpers/seeded-random.ts';

type Options = Parameters<typeof parseUsualLine>[1];

/** A command's options, and the words lines are drawn from: its flags in every spelling, values, and the special shapes. */
function words(options: Options): string[] {
  const flags = Object.entries(options).flatMap(([name, option]) => [
    `--${name}`,
    `--${name}=`,
    `--${name}=v`,
    `--${name}=-v`,
    ...(option.short ? [`-${option.short}`, `-${option.short}v`, `-${option.short}=v`] : []),
  ]);
  const shorts = Object.values(options).flatMap((option) => (option.short ? [option.short] : []));
  return [...flags, `-${shorts.join('')}`, 'out', 'my-fn', 'index.handler', 'A=1', '', ' ', '-', '--', '-5', '-x', '--unknown', '--__proto__', '--toString', '---runtime', '--=v'];
}

/** parseArgs's answer (strict, positionals allowed), or the error it throws. */
function reference(argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return { error: (error as { code?: string }).code };
  }
}

const SETS: { name: string; options: Options }[] = [
  { name: 'create', options: OPTIONS },
  { name: 'add/remove', options: { ...COMMON_OPTIONS, initializer: { type: 'string' }, 'pre-stop': { type: 'boolean' } } },
  { name: 'repeated flags', options: { env: { type: 'string', multiple: true, short: 'e' }, flag: { type: 'boolean', multiple: true, short: 'f' }, one: { type: 'string' } } },
];

describe('parseUsualLine parses as parseArgs does, or declines', () => {
  for (const { name, options } of SETS) {
    test(`${name}: 4,000 drawn lines`, () => {
      const rng = random(16 + name.length);
      const pool = words(options);
      let parsed = 0;
      for (let n = 0; n < 4000; n += 1) {
        const argv = Array.from({ length: Math.floor(rng.next() * 6) }, () => rng.pick(pool));
        const usual = parseUsualLine(argv, options);
        if (usual === undefined) continue;
        parsed += 1;
        expect(usual, JSON.stringify(argv)).toStrictEqual(reference(argv, options));
      }
      // Not a vacuous pass: a good share of the lines took the fast path.
      expect(parsed).toBeGreaterThan(400);
    });
  }

  test('the lines the README shows take the fast path', () => {
    for (const argv of [
      ['my-fn', '--runtime', 'nodejs20', '--yes'],
      ['my-fn', '-r', 'python3.12', '--function-name', 'new-fn', '-y'],
      ['gpu-fn', '--runtime=custom-container', '--gpu', 'fc.gpu.tesla.1', '--env', 'A=1', '--env', 'B=2', '--dry-run'],
      ['--help'],
      ['--list', '--json'],
    ]) {
      expect(parseUsualLine(argv, OPTIONS), JSON.stringify(argv)).toStrictEqual(reference(argv, OPTIONS));
    }
  });

  test('an option with a default is left to parseArgs, which applies it', () => {
    expect(parseUsualLine(['out'], { size: { type: 'string', default: '1' } })).toBeUndefined();
  });
});
