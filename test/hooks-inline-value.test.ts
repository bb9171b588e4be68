// The values the s.yaml editor writes on a hook field's line (src/hooks/inline-value.ts), against the
// yaml library: every value reads back as itself, a plain one is what the library's stringify writes,
// and what the editor writes for printable ASCII stays in the light reader's subset.
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { inlineValue } from '../src/hooks/inline-value.ts';
import { lightParse } from '../src/project/light-yaml.ts';
import { OPTIONS } from '../src/project/parse.ts';
import { random } from './helpers/seeded-random.ts';

/** What the editor wrote with the library before: its stringify of the value, in flow style on one line. */
function library(value: string | number | string[]): string {
  return stringify(value, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'flow' }).trimEnd();
}

/** `value` as a field of a hook in s.yaml, read back by the library and by the light reader (undefined: declined). */
function readBack(value: string | number | string[]): { library: unknown; light: unknown } {
  const text = `hook:\n  field: ${inlineValue(value)}\n`;
  const light = lightParse(text, OPTIONS.edit);
  return { library: parse(text).hook.field, light: light && (light.doc.toJS() as { hook: { field: unknown } }).hook.field };
}

describe('a hook field value on its line', () => {
  test.each<[string | number | string[], string]>([
    ['index.preStop', 'index.preStop'],
    ['Orders.Fn::Acme.Orders.OrderFunction::Handle', 'Orders.Fn::Acme.Orders.OrderFunction::Handle'],
    ['com.acme.orders.OrderFn::handleRequest', 'com.acme.orders.OrderFn::handleRequest'],
    ['true', '"true"'],
    ['60', '"60"'],
    ['', '""'],
    [60, '60'],
    [[], '[]'],
    [['/bin/sh', '-c', '/code/warm-up.sh'], '[/bin/sh, -c, /code/warm-up.sh]'],
    [['/bin/sh', '-c', 'python app.py --port 9000 # a, b'], '[/bin/sh, -c, "python app.py --port 9000 # a, b"]'],
  ])('%j is written %s, as the library writes it', (value, written) => {
    expect(inlineValue(value)).toBe(written);
    expect(library(value)).toBe(written);
    expect(readBack(value)).toEqual({ library: value, light: value });
  });

  test('reads back as itself, plain where the library writes it plain, for 3,000 random strings and commands', () => {
    const { next, pick } = random(16);
    const characters = [...'abcz09._/', ...' -?:,[]{}#&*!|>\'"%@`~\\=', 'é', '\u2028', '\x7f', '\x01', '\u0085', '\n', '\t'];
    const words = ['true', 'null', '~', '0x1F', '0o17', '1e3', '.5', '-.inf', '.nan', '-', '---', '...'];
    const plain = new Set<string>();
    for (let i = 0; i < 3000; i += 1) {
      const length = Math.floor(next() * 6);
      const value = next() < 0.15 ? pick(words) : Array.from({ length }, () => pick(characters)).join('');
      const ascii = /^[\x20-\x7e]*$/.test(value);
      for (const written of [value, [value, 'x'], ['-c', value]]) {
        const back = readBack(written);
        expect(back.library, JSON.stringify(written)).toEqual(written);
        if (ascii) expect(back.light, JSON.stringify(written)).toEqual(written);
      }
      // The library writes a value that starts like a document marker (`---`, `...`) as a block scalar
      // at the top level, where the editor called it: a second line on the key's line, which the check
      // of the edit refused. It is plain now.
      if (/^(---|\.\.\.)/.test(value)) continue;
      const mine = inlineValue(value);
      if (!mine.startsWith('"')) {
        expect(library(value), JSON.stringify(value)).toBe(mine);
        plain.add(value);
      } else if (ascii && !/^[?:]/.test(value)) {
        // Quoted where the library does not quote: only values that start with `?` or `:`, which the
        // light reader declines plain.
        expect(library(value), JSON.stringify(value)).toMatch(/^["']/);
      }
    }
    expect(plain.size).toBeGreaterThan(100);
  });
});
