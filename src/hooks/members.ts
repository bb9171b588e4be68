// Class bodies in brace languages (Java, C#): adding a method at the end of one, and the switched-off
// comment above a hook method (each family's code.ts finds the class and the method).
import { definitionStart, eolOf, indentAt, lineStart, markOff, shapeBlock, unmarkOff } from '../source/text.ts';

export interface ClassBody {
  /** Index of the `class` keyword. */
  declaration: number;
  /** Index of the body's `{`. */
  open: number;
  /** Index of the body's `}`. */
  close: number;
}

/** The indentation one level deeper than the class declaration, as the file writes it. */
function memberIndent(text: string, body: ClassBody): { indent: string; unit: string } {
  const classIndent = indentAt(text, body.declaration);
  const inside = text.slice(body.open + 1, body.close).split(/\r?\n/).slice(1).find((line) => line.trim() !== '');
  const indent = inside !== undefined ? /^[ \t]*/.exec(inside)![0] : `${classIndent}${text.includes('\n\t') ? '\t' : '    '}`;
  const unit = indent.startsWith(classIndent) && indent.length > classIndent.length ? indent.slice(classIndent.length) : '    ';
  return { indent, unit };
}

/**
 * The text with a member (a template indented with 4 spaces per level) added as the last thing in the
 * class body, re-indented to the file's own indentation.
 */
export function appendMember(text: string, body: ClassBody, member: string): string {
  const eol = eolOf(text);
  const { indent, unit } = memberIndent(text, body);
  const block = shapeBlock(member.replace(/^((?: {4})+)/gm, (spaces) => unit.repeat(spaces.length / 4)), indent, eol);
  const closeLine = lineStart(text, body.close);
  if (text.slice(closeLine, body.close).trim() === '') {
    const previous = text.slice(lineStart(text, closeLine - 1), closeLine).trim();
    const gap = previous === '' || closeLine - 1 <= body.open ? '' : eol;
    return text.slice(0, closeLine) + gap + block + eol + text.slice(closeLine);
  }
  // `}` after code on its line, e.g. `class App { ... }`: the member goes on lines of its own before it.
  const empty = text.slice(body.open + 1, body.close).trim() === '';
  return `${text.slice(0, body.close).trimEnd()}${eol}${empty ? '' : eol}${block}${eol}${text.slice(body.close)}`;
}

/**
 * The text with the switched-off comment above the hook method at `at`, among the lines above it that
 * start with one of `docPrefixes` (doc comments, annotations or attributes); unchanged without a method.
 */
export function markMethodOff(text: string, at: number | undefined, docPrefixes: readonly string[], label: string): string {
  return at === undefined ? text : markOff(text, definitionStart(text, at, docPrefixes), at, '//', label);
}

/** The text without that comment (see markMethodOff). */
export function unmarkMethodOff(text: string, at: number | undefined, docPrefixes: readonly string[]): string {
  return at === undefined ? text : unmarkOff(text, definitionStart(text, at, docPrefixes), at);
}
