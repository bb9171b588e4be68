// SourceFile, the masked text the doctor's code models search: its code and bare copies, and the
// search that reuses one copy of each pattern (matches) giving what a fresh global search of the bare
// text gives.
import { describe, expect, test } from 'vitest';
import { SourceFile } from '../src/source/file.ts';

/** What a fresh global search of `text` finds: [offset, matched text] pairs. */
const searched = (text: string, pattern: RegExp) => [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => [m.index, m[0]]);
const found = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0]]);

describe('SourceFile', () => {
  test('code blanks comments, bare also string contents; offsets and line breaks stay', () => {
    const file = new SourceFile('/x/a.js', 'a = "b // c"; // d\r\n/* e\n f */ g');
    // A line comment runs to the \n: its \r is blanked with it.
    expect(file.code).toBe('a = "b // c";      \n    \n      g');
    expect(file.bare).toBe('a = "      ";      \n    \n      g');
    expect(file.lineAt(file.text.indexOf('g'))).toBe(3);
  });

  test('matches: a search with the same pattern between two matches does not move the first', () => {
    const file = new SourceFile('/x/a.js', 'x(1); x(2); x(3);');
    const pattern = /x\((\d)\)/;
    const pairs = [];
    for (const outer of file.matches(pattern)) pairs.push([outer[1], found(file.matches(pattern)).length]);
    expect(pairs).toEqual([['1', 3], ['2', 3], ['3', 3]]);
  });

  const DECLARATION = /^(?:export\s+)?(?:const|let|var|class)\s+([\w$]+)/m;
  test.each([
    ['declarations on their lines', 'const a = 1;\nlet b;\n  var c;\nclass D {}\n'],
    // A match that runs over a line break hides a line that starts inside it, as in a global search.
    ['a line that starts inside a match', 'let\nconst x = 1;\nclass\nclass Y {}\n'],
    ['CRLF, where ^ also matches after \\r', 'const a = 1;\r\nlet b;\r\n'],
    ['a lone \\r, U+2028 and U+2029', 'const a = 1;\rlet b;\u2028var c;\u2029class D {}'],
    ['declarations in comments and strings are not code', '// const a\n"\\\nconst b"\n/*\nlet c */ var d;\nlet e;\n'],
  ])('matches of a ^ pattern finds what a global search of the bare text finds: %s', (_name, text) => {
    const file = new SourceFile('/x/a.js', text);
    expect(found(file.matches(DECLARATION))).toEqual(searched(file.bare, DECLARATION));
    expect(found(file.matches(DECLARATION)).length).toBeGreaterThan(0);
  });
});
