// sameData (src/same-data.ts) answers as node:util's isDeepStrictEqual, which it stands in for.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { sameData } from '../src/same-data.ts';

/** A seeded generator of YAML-like data, with the edge cases strict equality cares about. */
function values(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const value = (depth: number): unknown => {
    const kind = depth > 3 ? Math.floor(next() * 3) : Math.floor(next() * 6);
    if (kind === 0) return pick([null, true, false, 0, -0, 1, 1.5, NaN, Infinity, '', 'a', '1', 'true']);
    if (kind === 1) return pick(['x', 'handler', 'index.handler', 'yes']);
    if (kind === 2) return pick([3, 60, 300, 'sh', '/code/warm-up.sh']);
    if (kind === 3) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 4); i > 0; i -= 1) object[pick(['a', 'b', 'c', 'command', 'timeout'])] = value(depth + 1);
    return object;
  };
  return value;
}

/** `value`, or a copy with one change deep inside (or none). */
function variant(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return next() < 0.1 ? [...value, 1] : value.map((item) => variant(item, next));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    const keys = Object.keys(value);
    for (const key of next() < 0.5 ? keys.reverse() : keys) copy[key] = variant((value as Record<string, unknown>)[key], next);
    if (next() < 0.05) copy.extra = null;
    return copy;
  }
  return next() < 0.05 ? pick2(next) : value;
}
const pick2 = (next: () => number) => [0, -0, NaN, '0', null, false][Math.floor(next() * 6)];

describe('sameData', () => {
  test('agrees with isDeepStrictEqual on 5,000 seeded pairs of YAML-like data', () => {
    let differ = 0;
    for (let seed = 1; seed <= 5000; seed += 1) {
      const a = values(seed)(0);
      let state = seed;
      const next = () => ((state = (state * 69069 + 1) % 4294967296) / 4294967296);
      const b = variant(a, next);
      const expected = isDeepStrictEqual(a, b);
      if (!expected) differ += 1;
      expect(sameData(a, b), JSON.stringify([a, b])).toBe(expected);
    }
    // Both answers occur, often.
    expect(differ).toBeGreaterThan(500);
    expect(differ).toBeLessThan(4500);
  });

  test('leaves other kinds of values to isDeepStrictEqual', () => {
    expect(sameData(new Date(0), new Date(0))).toBe(true);
    expect(sameData(new Date(0), new Date(1))).toBe(false);
    expect(sameData(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(true);
    expect(sameData(Object.create(null), {})).toBe(false);
    expect(sameData([1, , 3], [1, undefined, 3])).toBe(false); // eslint-disable-line no-sparse-arrays
    expect(sameData({ a: 1 }, [1])).toBe(false);
  });
});
