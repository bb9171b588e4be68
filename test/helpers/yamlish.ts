// Random s.yaml-ish documents for the light reader's property test: nested block mappings and
// sequences (indented or in the key's column, compact mappings in items), keys and values of every
// kind the core schema types differently (numbers as strings, booleans, nulls, hex, floats), quoting
// and escapes, unicode, comments and blank lines anywhere, and now and then something the light
// reader must decline (anchors, aliases, merge keys, tags, block scalars, tabs, documents, errors).
import { random } from './seeded-random.ts';

const KEYS = ['a', 'name', 'props', 'fn-1', 'my.key', 'x_y', '中文', 'é', '1', '0x1F', 'true', '~', 'null', '"quoted"', "'single'", '"a: b"', '"#x"', 'on', 'k k', '-k', 'url'];
const VALUES = [
  'plain', 'two words', '1', '-1', '+5', '-0', '0', '007', '0o17', '0x1F', '0X1F', '1e3', '1E-3', '.5', '5.', '1.50', '.inf', '-.Inf', '.nan', '.NaN', 'NaN', 'inf',
  '~', 'null', 'Null', 'NULL', 'nul', 'true', 'True', 'TRUE', 'false', 'yes', 'no', 'on', 'off', '1_000', '12:30', '2001-12-14', 'http://x.y/z?a=b#c',
  '${vars.region}', 'a#b', 'a #comment', 'a  ', '"double"', '"with \\"escape\\" \\n \\t \\u00e9 \\x41 \\U0001F600 \\\\"', "'it''s'", "''", '""', '"1"', "'true'",
  '中文值', '😀 emoji', 'ünïcödé', '[]', '{}', '[ ]', '[a, "b", 1]', '[ a , b ]', '{a: 1, b: [x, y]}', '{ k : v }', '[/bin/sh, -c, "echo hi"]', '-x', 'ok ', '"a # b"', "'x: y'", "a'b", 'a"b', 'a:b', 'a,b', 'a]', '[a, [b, c], {d: e}]', '["x", \'y\']',
  '{ "k": v }', '-.5', '+.inf', '0b1', '1__0', '0x', '1e', '.', '-', '+', '~x', 'nulls', 'True1', '0o8', '00', '-0.0', '1.', "''''", '"\\\\"',
];
/** Values the light reader must decline (most are not valid YAML here). */
const ODD_VALUES = [
  '- x', '\'a\'b', '"a"b', '[a b', '{a: }', '[a, ]', '{a, b}', '[a]b', '- - x', '"\\u12"', '"\\ud800"', '"\\x4g"', '"bad \\q"', 'a: b', 'x:', '@at', '`tick`', '%pct', '!tag', '&anchor v', '*alias', '|', '>', '"unclosed', '[a, b', '{a}', '[a,]', '?q', ':c', 'a\tb',
];
const COMMENTS = ['', '', '', ' # note', '  #c', ' #', ' # 中文'];

export function yamlish(seed: number): string {
  const { next, pick } = random(seed);
  const value = () => (next() < 0.03 ? pick(ODD_VALUES) : pick(VALUES));
  const out: string[] = [];
  const noise = (indent: number) => {
    const roll = next();
    if (roll < 0.08) out.push('');
    else if (roll < 0.14) out.push(' '.repeat(pick([0, indent, indent + 2, Math.max(0, indent - 2)])) + pick(['# comment', '#', '#  x: 1']));
    else if (roll < 0.15) out.push(pick(['key: &a v', 'm: *a', '<<: {x: 1}', 't: !!str 1', 'b: |\n  block', '---', '\tk: v', 'dup: 1\ndup: 2', '? k\n: v', 'a: "multi\n  line"', 'p: multi\n  line', '%YAML 1.2']));
  };
  const block = (indent: number, depth: number, seq: boolean) => {
    const count = 1 + Math.floor(next() * 4);
    const step = pick([2, 2, 4, 1]);
    const used = new Set<string>();
    for (let i = 0; i < count; i += 1) {
      noise(indent);
      const pad = ' '.repeat(indent);
      let head: string;
      if (seq) head = `${pad}-`;
      else {
        let key = pick(KEYS);
        if (used.has(key) && next() < 0.9) key = `${key}${i}`;
        used.add(key);
        head = `${pad}${key}${next() < 0.05 ? '  ' : ''}:`;
      }
      const roll = next();
      if (depth < 4 && roll < 0.3) {
        out.push(head + pick(COMMENTS));
        const childSeq = next() < 0.35;
        const childIndent = !seq && childSeq && next() < 0.4 ? indent : indent + step;
        block(childIndent, depth + 1, childSeq);
      } else if (seq && depth < 4 && roll < 0.45) {
        // A compact mapping in the item: `- key: value` and more keys in its column below.
        const column = indent + 2;
        out.push(`${pad}-${pick([' ', ' ', '   '])}${pick(KEYS)}0: ${value()}${pick(COMMENTS)}`);
        if (next() < 0.6) block(column, depth + 1, false);
      } else if (roll < 0.5) out.push(head + pick(['', ' ', '   ']) + pick(COMMENTS));
      else out.push(`${head} ${value()}${pick(COMMENTS)}`);
    }
  };
  block(0, 0, false);
  if (next() < 0.3) out.push(pick(['# end', '  # end', '', '# a\n\n# b']));
  return out.join('\n') + (next() < 0.8 ? '\n' : '');
}
