// The yaml library's scalars and pairs as the light s.yaml reader (light-yaml.ts) makes them. The
// library's constructors record a node's kind in an own non-enumerable symbol property, one
// Object.defineProperty per node: that call cost about 5,000 instructions a node, half of what reading a
// 1,000-resource s.yaml cost. Here the kind is held, with the same attributes, by a prototype placed
// between the node and its class's prototype, and each node gets only the library's own fields, in
// the library's order. isScalar/isPair, instanceof, `constructor`, every method (clone included), and
// what Object.keys, Object.assign, spread and toJS see are the library's (test/light-yaml.test.ts).
import { Pair, Scalar } from 'yaml';

/** The object whose prototype holds `sample`'s own symbol properties (its kind), as `sample` holds them. */
function kindPrototype<T extends object>(sample: T): T {
  const symbols = Object.getOwnPropertySymbols(sample).map((symbol) => [symbol, Object.getOwnPropertyDescriptor(sample, symbol)!] as const);
  return Object.create(Object.getPrototypeOf(sample), Object.fromEntries(symbols)) as T;
}

const SCALAR = kindPrototype(new Scalar(null));
const PAIR = kindPrototype(new Pair(null));

/** A scalar with the fields the library's composer gives a plain or quoted one, in its order (`format` last, when given). */
export function lightScalar(value: unknown, range: [number, number, number], source: string, type: Scalar.Type, format?: string): Scalar {
  const node = Object.create(SCALAR) as Scalar & { source: string };
  node.value = value;
  node.range = range;
  node.source = source;
  node.type = type;
  if (format !== undefined) node.format = format;
  return node;
}

/** A pair, as `new Pair(key, value)`. */
export function lightPair(key: unknown, value: unknown): Pair {
  const pair = Object.create(PAIR) as Pair;
  pair.key = key;
  pair.value = value;
  return pair;
}
