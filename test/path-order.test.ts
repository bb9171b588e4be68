// comparePaths must order exactly as String#localeCompare does in English, which it replaces.
import { describe, expect, test } from 'vitest';
import { comparePaths } from '../src/path-order.ts';

const sign = (n: number) => Math.sign(n);
const ASCII = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/** Deterministic pseudo-random strings (mulberry32), so a failure reproduces. */
function strings(seed: number, count: number, alphabet: string, maxLength: number): string[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * maxLength) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

describe('comparePaths', () => {
  test.each([
    ['.gitignore', '.vscode/tasks.json'],
    ['code/index.js', 'package.json'],
    ['package.json', 'README.md'],
    ['README.md', 's.yaml'],
    ['tests/test_lifecycle.py', 'tests/lifecycle_test.php'],
    ['test_a', 'test/a'],
    ['a-b', 'ab'],
    ['readme.md', 'README.md'],
    ['aB', 'Ab'],
    ['src/main/java/App.java', 'src/test/java/LifecycleTest.java'],
    ['pom.xml', 'POM.xml'],
    ['x', 'x'],
    ['a', 'ab'],
  ])('%s vs %s', (a, b) => {
    expect(sign(comparePaths(a, b))).toBe(sign(a.localeCompare(b, 'en')));
    expect(sign(comparePaths(b, a))).toBe(sign(b.localeCompare(a, 'en')));
  });

  test('agrees with localeCompare on random printable ASCII, and on near-equal paths', () => {
    const random = strings(1, 400, ASCII, 6);
    const pathLike = strings(2, 400, 'aAbB._-/09', 5);
    for (const pool of [random, pathLike]) {
      for (let i = 0; i < pool.length; i += 1) {
        for (let j = i; j < pool.length; j += 7) {
          const [a, b] = [pool[i]!, pool[j]!];
          expect(sign(comparePaths(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b, 'en')));
        }
      }
    }
  });

  test('falls back to localeCompare beyond ASCII', () => {
    expect(sign(comparePaths('é.txt', 'f.txt'))).toBe(-1);
    expect(sign(comparePaths('e.txt', 'é.txt'))).toBe(-1);
  });
});
