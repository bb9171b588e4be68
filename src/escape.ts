// Values that came from users (answers, s.yaml, file names) escaped for where they are shown: a
// terminal line (an error, a note) and the generated README's markdown. A newline, an ANSI escape or
// a bidi control in a value must not start a new line, recolour or rewrite the terminal, and a
// backtick, `|` or line break must not end a code span or a table row.

/** Controls that move the cursor, end lines or reorder text: C0 (but tab), DEL, C1, line/paragraph separators, bidi. */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, but keeping the line breaks of a multi-line text. */
const UNSAFE_KEEPING_LINES = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string) => {
  const short: Record<string, string> = { '\n': '\\n', '\r': '\\r' };
  return short[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
};

/** `text` on one terminal line: every control character shown as its JSON-style escape (`\n`, `\u001b`). */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A multi-line text (a diff) with its line breaks kept and every other control character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_KEEPING_LINES, escapeChar);
}

/**
 * `text` as a markdown code span that shows it exactly: the fence is one backtick longer than the
 * longest run inside, padded with a space when the text starts or ends with a backtick (CommonMark
 * strips one such space). Line breaks and controls are shown escaped, so the span stays on one line;
 * `inTable` also escapes `|`, which a GFM table cell splits on even inside a code span.
 */
export function codeSpan(text: string, inTable = false): string {
  let shown = oneLine(text);
  if (inTable) shown = shown.replaceAll('|', '\\|');
  // A loop, not Math.max(...runs): a value with 200,000 backtick runs would overflow the call stack.
  const longest = (shown.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) && shown.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}
