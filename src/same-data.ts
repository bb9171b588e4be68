// Whether two values read from s.yaml (`toJS()`: null, booleans, numbers, strings, arrays and plain
// objects) are the same data, as node:util's isDeepStrictEqual says. That function loads Node's
// comparison module on its first call, about half a millisecond of an add or remove that checks a few
// small values; anything other than those plain values is still left to it.
import { isDeepStrictEqual } from 'node:util';

const plainArray = (value: unknown[]) => Object.getPrototypeOf(value) === Array.prototype && Object.keys(value).length === value.length && Object.getOwnPropertySymbols(value).length === 0;
const plainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0;
};

export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Unequal primitives, or a primitive and an object: strictly never the same.
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b) && plainArray(a) && plainArray(b)) return a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  if (!Array.isArray(a) && !Array.isArray(b) && plainObject(a) && plainObject(b) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return isDeepStrictEqual(a, b);
}
