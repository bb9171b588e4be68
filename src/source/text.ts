// Text edits the hook editor makes in hand-written code (where to read code is src/source/editable.ts):
// lines, indentation, blocks and the switched-off marker. Code is edited as text, one insertion at a time,
// so everything the user wrote stays byte for byte.

/** 1-based line number of a character index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** Index just after the newline that ends the line holding `index` (or the text's end). */
export function nextLineStart(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end + 1;
}

export function indentAt(text: string, index: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, index)))![0];
}

/** The file's line ending, so inserted lines match it. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Re-indents a `\n`-separated block and converts it to the file's line ending. */
export function shapeBlock(block: string, indent: string, eol: string): string {
  return block
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join(eol);
}

/**
 * Appends a block after the last line, `blankLines` empty lines after it (counting the empty lines the
 * text already ends with, so nothing is removed), ending with a newline.
 */
export function appendBlock(text: string, block: string, blankLines = 1): string {
  const eol = eolOf(text);
  const newlines = (/\n*$/.exec(text.replace(/\r/g, ''))![0]).length;
  const separator = text === '' ? '' : eol.repeat(Math.max(0, blankLines + 1 - newlines));
  return `${text}${separator}${shapeBlock(block, '', eol)}${eol}`;
}

/** Inserts text at an index. */
export function insertAt(text: string, index: number, insertion: string): string {
  return text.slice(0, index) + insertion + text.slice(index);
}

/**
 * Start of the block of lines that belong to a definition starting at `index`: the lines right above
 * it that are doc comments, comments or annotations/decorators/attributes.
 */
export function definitionStart(text: string, index: number, prefixes: readonly string[]): number {
  let start = lineStart(text, index);
  let inBlockComment = false;
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start).trim();
    if (inBlockComment) {
      if (line.startsWith('/*')) inBlockComment = false;
    } else if (line.endsWith('*/') && !line.startsWith('/*')) {
      inBlockComment = true;
    } else if (line === '' || !prefixes.some((prefix) => line.startsWith(prefix))) {
      break;
    }
    start = previous;
  }
  return start;
}

const OFF_MARK = /create-fc-lifecycle: the \w+ hook is switched off in s\.yaml/;

/** The one-line comment `remove` puts above a hook function it switched off (comment token given). */
export function offMarker(token: string, label: string): string {
  return `${token} create-fc-lifecycle: the ${label} hook is switched off in s.yaml (handler ""), so FC no longer calls this; kept for switching it back on with \`create-fc-lifecycle add\`.`;
}

/**
 * Inserts the switched-off comment at `start`, the top of the block of comment lines above the
 * definition at `definition` (see definitionStart), unless that block already has it.
 */
export function markOff(text: string, start: number, definition: number, token: string, label: string): string {
  if (OFF_MARK.test(text.slice(start, definition))) return text;
  return insertAt(text, start, `${indentAt(text, definition)}${offMarker(token, label)}${eolOf(text)}`);
}

/** Removes the switched-off comment line from the block between `start` and `definition` (re-adding a hook). */
export function unmarkOff(text: string, start: number, definition: number): string {
  for (let at = start; at < definition; at = nextLineStart(text, at)) {
    const next = nextLineStart(text, at);
    if (OFF_MARK.test(text.slice(at, next))) return text.slice(0, at) + text.slice(next);
  }
  return text;
}
