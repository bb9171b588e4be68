// The scanner the doctor and the hook editor share: which characters are code, comments, string
// delimiters or string contents.
import { describe, expect, test } from 'vitest';
import { CODE, COMMENT, QUOTE, scanSource, SYNTAX, TEXT, type Syntax } from '../src/source-scan.ts';

const LETTER = { [CODE]: '.', [COMMENT]: 'c', [QUOTE]: 'q', [TEXT]: 't' } as Record<number, string>;
/** One letter per character: . code, c comment, q delimiter, t string contents. */
const kinds = (text: string, syntax: Syntax) => [...scanSource(text, syntax).kinds].map((kind) => LETTER[kind]).join('');

describe('scan', () => {
  test('line and block comments, and a #! first line', () => {
    expect(kinds('#!x\na // b\nc', SYNTAX.javascript)).toBe('ccc' + '.' + '..' + 'cccc' + '.' + '.');
    expect(kinds('a/*b\n*/c', SYNTAX.c)).toBe('.' + 'cccccc' + '.');
    expect(kinds('a # b', SYNTAX.python)).toBe('..ccc');
  });

  test('strings: delimiters, contents, escapes; comment markers inside strings are text', () => {
    expect(kinds('"a//b"', SYNTAX.javascript)).toBe('qttttq');
    expect(kinds(String.raw`'a\'b'x`, SYNTAX.python)).toBe('qttttq.');
  });

  test('single-line strings stop at a line break; multiline ones do not', () => {
    expect(kinds('"ab\nc', SYNTAX.c)).toBe('qtt..');
    expect(kinds('`ab\nc`', SYNTAX.javascript)).toBe('qttttq');
    expect(kinds('"""a\n"""', SYNTAX.python)).toBe('qqqttqqq');
  });

  test('raw strings without escapes: Go backquotes, C# verbatim strings', () => {
    expect(kinds('`a\\`b', SYNTAX.go)).toBe('qttq.');
    expect(kinds('@"a\\"b', SYNTAX.csharp)).toBe('qqttq.');
  });
});
