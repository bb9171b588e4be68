// Finding code that refuses work until an initializer has run: a throw/raise/panic/error return (or an
// HTTP 503) under an `if` that tests whether something the initializer makes is still missing. Used by
// the rules that catch projects whose handler keeps such a guard while s.yaml switches the initializer
// off (rules/guards.ts). Static and deliberately narrow: an unrelated refusal must not be reported.
import type { SourceFile } from '../source/file.ts';
import type { CodeRange } from './types.ts';

/** How a language marks blocks: braces with `if (…)` (paren), braces with a bare `if …` (Go), or indentation (Python). */
export type BlockSyntax = 'paren' | 'bare-if' | 'indent';

/** A refusal guarded by an initialization check. */
export interface InitGuard {
  /** Line of the guard's `if`. */
  line: number;
  /** The condition as written, e.g. `!resource`. */
  condition: string;
}

export interface GuardSearch {
  syntax: BlockSyntax;
  /** Statements that refuse the work (matched on the code with comments and string contents blanked). */
  refusals: RegExp;
  /** Whether the code has an initializer (a hook function, an /initialize route) that may set the checked name. */
  hasInitializer: boolean;
  /** Where an assignment to the checked name does not count (the handler itself, which may create it lazily). */
  ownCode?: CodeRange;
}

const OPENERS = '([{';
const CLOSERS = ')]}';

/** `name` when `condition` tests that it is missing: `!x`, `x == null`, `x is None`, `not x`, `x == nil`, `is_null($x)`. */
function missingName(condition: string): string | undefined {
  const name = String.raw`([\w$]+(?:(?:\.|->|::)[\w$]+)*(?:\[\s*(['"])[\w$]+\2\s*\])?)`;
  const negated = new RegExp(String.raw`^(?:!\s*|not\s+|is_null\(\s*|empty\(\s*|!\s*isset\(\s*)${name}\s*\)?$`);
  const compared = new RegExp(String.raw`^${name}\s*(?:===?|is)\s*(?:null|None|nil|undefined|false|False)$`);
  const reversed = new RegExp(String.raw`^(?:null|None|nil|undefined)\s*===?\s*${name}$`);
  for (const part of condition.split(/\|\||\bor\b/)) {
    const text = part.trim().replace(/^\((.*)\)$/s, '$1').trim();
    const match = negated.exec(text) ?? compared.exec(text) ?? reversed.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

/** The last identifier of a checked expression: `this.resource`, `$GLOBALS['resource']`, `$resource` -> `resource`. */
const keyOf = (expression: string) => /([A-Za-z_]\w*)\W*$/.exec(expression)?.[1];

/** Names that say "initialized" by themselves: initialized, isReady, inited, warmed_up. */
const FLAG = /initiali[sz]ed|^(is_?)?(inited|ready|warmed_?up)$/i;
/** A message about the initializer itself, not about initializing something else ("cannot initialize the parser"). */
const MENTIONS_INIT = /initiali[sz](?:er|ation)\b|not\s+(?:yet\s+)?(?:been\s+)?initiali[sz]ed|initiali[sz]e\s+first|initiali[sz]e\(\)/i;

/** Offsets where `key` is assigned something (not null/None/nil/false) in real code. */
function assignments(file: SourceFile, key: string): number[] {
  const pattern = new RegExp(`(?<![\\w$])${key}(?:['"]\\s*\\])?\\s*=(?![=>~])(?!\\s*(?:null|None|nil|undefined|false|False)\\b)`, 'g');
  const found: number[] = [];
  for (let m = pattern.exec(file.code); m; m = pattern.exec(file.code)) if (file.bare[m.index] === file.code[m.index]) found.push(m.index);
  return found;
}

/** Whether the `{` at `at` opens an object literal (`return {`, `= {`, `({`), not a block. */
function opensLiteral(bare: string, at: number, syntax: BlockSyntax): boolean {
  return syntax === 'paren' && /(?:[=(,:?[!&|]|\breturn)\s*$/.test(bare.slice(Math.max(0, at - 40), at));
}

/**
 * Where the statement holding `at` starts: scanning back through the unclosed `(`, `[` or object
 * literal the refusal sits in, to just after a `;`, `{` or `}` (or, in Go, a line break) at statement level.
 */
function statementStart(bare: string, at: number, floor: number, syntax: BlockSyntax): number {
  let depth = 0;
  for (let i = at - 1; i >= floor; i -= 1) {
    const c = bare[i]!;
    if (c === ')' || c === ']' || (c === '}' && depth > 0)) depth += 1;
    else if (c === '(' || c === '[') depth = Math.max(0, depth - 1);
    else if (c === '{' && depth > 0) depth -= 1;
    else if (c === '{' ? !opensLiteral(bare, i, syntax) : depth === 0 && (c === ';' || c === '}' || (syntax === 'bare-if' && c === '\n'))) return i + 1;
  }
  return floor;
}

/** The `{` of the innermost block around `at`; -1 when `at` is inside parentheses or no block. */
function enclosingBlock(bare: string, at: number, floor: number): number {
  let depth = 0;
  for (let i = at - 1; i >= floor; i -= 1) {
    if (CLOSERS.includes(bare[i]!)) depth += 1;
    else if (OPENERS.includes(bare[i]!) && --depth < 0) return bare[i] === '{' ? i : -1;
  }
  return -1;
}

/** The `if` a statement starting at `start` is, with its condition; undefined when it is not an `if`. */
function ifAt(file: SourceFile, start: number, syntax: BlockSyntax, blockOpen?: number): InitGuard | undefined {
  const head = /\s*(?:\}\s*)?(?:else\s+)?if\b\s*/y;
  head.lastIndex = start;
  if (!head.test(file.bare)) return undefined;
  const at = head.lastIndex;
  const line = file.lineAt(file.bare.indexOf('if', start));
  if (syntax === 'bare-if') {
    const condition = file.code.slice(at, blockOpen ?? at).split(';').pop()!.trim();
    return { line, condition };
  }
  if (file.bare[at] !== '(') return undefined;
  return { line, condition: file.code.slice(at + 1, file.closing(at) - 1).trim() };
}

/** The `if` guarding a refusal at `at` in a brace language: `if (c) throw …` or `if (c) { … throw … }`. */
function braceGuard(range: CodeRange, at: number, syntax: BlockSyntax): InitGuard | undefined {
  const { file } = range;
  const statement = statementStart(file.bare, at, range.start, syntax);
  const direct = syntax === 'bare-if' ? undefined : ifAt(file, statement, syntax);
  if (direct) return direct;
  const open = enclosingBlock(file.bare, statement, range.start);
  if (open < 0) return undefined;
  const owner = statementStart(file.bare, open, range.start, syntax);
  if (syntax !== 'bare-if' && !file.bare.slice(owner, open).trimEnd().endsWith(')')) return undefined;
  return ifAt(file, owner, syntax, open);
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/** The `if` guarding a Python refusal: `if c: raise …`, or the `if c:` line its block hangs under. */
function pythonGuard(range: CodeRange, at: number): InitGuard | undefined {
  const { file } = range;
  let start = at;
  for (let depth = 0, i = at - 1; i >= range.start; i -= 1) {
    if (CLOSERS.includes(file.bare[i]!)) depth += 1;
    else if (OPENERS.includes(file.bare[i]!) && --depth < 0) {
      start = i;
      depth = 0;
    }
  }
  const from = lineStart(file.bare, start);
  const inline = /^\s*(?:el)?if\s+(.+?):(?=\s*\S)/;
  if (inline.test(file.bare.slice(from, start))) {
    const condition = inline.exec(file.code.slice(from, start))![1]!;
    return { line: file.lineAt(start), condition: condition.trim() };
  }
  const bareLines = file.bare.split('\n');
  const codeLines = file.code.split('\n');
  const index = file.lineAt(start) - 1;
  const indent = indentOf(bareLines[index]!);
  for (let i = index - 1; i >= file.lineAt(range.start) - 1; i -= 1) {
    const line = bareLines[i]!;
    if (line.trim() === '' || indentOf(line) >= indent) continue;
    const match = /^\s*(?:el)?if\s+.+:\s*$/.test(line) ? /^\s*(?:el)?if\s+(.+):\s*$/.exec(codeLines[i]!) : null;
    return match ? { line: i + 1, condition: match[1]!.trim() } : undefined;
  }
  return undefined;
}

/** The text from the guard's line to the end of the refusal (a call's closing parenthesis, else its line). */
function guardedText(file: SourceFile, guard: InitGuard, at: number): string {
  const paren = file.bare.indexOf('(', at);
  const lineEnd = file.bare.indexOf('\n', at);
  const callEnd = paren >= 0 && (lineEnd < 0 || paren < lineEnd) ? file.closing(paren) : -1;
  let from = 0;
  for (let line = 1; line < guard.line; line += 1) from = file.code.indexOf('\n', from) + 1;
  return file.code.slice(from, Math.max(callEnd, lineEnd < 0 ? file.code.length : lineEnd));
}

/**
 * The refusals in `range` guarded by a check that something is not initialized yet: a condition that
 * tests a name for missing, where the refusal's message is about the initializer, or the name is an
 * "initialized" flag, or the code has an initializer that assigns the name. A name the handler itself
 * assigns before the refusal is a lazy set-up that failed, not a wait for the initializer.
 */
export function initializationGuards(range: CodeRange, search: GuardSearch): InitGuard[] {
  const { file } = range;
  const found = new Map<number, InitGuard>();
  const pattern = new RegExp(search.refusals.source, 'g');
  pattern.lastIndex = range.start;
  for (let m = pattern.exec(file.bare); m && m.index < range.end; m = pattern.exec(file.bare)) {
    const guard = search.syntax === 'indent' ? pythonGuard(range, m.index) : braceGuard(range, m.index, search.syntax);
    const name = guard && missingName(guard.condition);
    const key = name && keyOf(name);
    if (!guard || !key || found.has(guard.line)) continue;
    const refusal = m.index;
    const own = search.ownCode;
    const inOwnCode = (at: number) => own !== undefined && at >= own.start && at < own.end;
    const assigned = assignments(file, key);
    // The handler made it itself first (`if (!db) db = connect(); if (!db) throw …`): a failed lazy set-up, not a wait.
    if (assigned.some((at) => inOwnCode(at) && at < refusal)) continue;
    const message = guardedText(file, guard, refusal);
    const initial = MENTIONS_INIT.test(message) || FLAG.test(key) || (search.hasInitializer && assigned.some((at) => !inOwnCode(at)));
    if (initial) found.set(guard.line, guard);
  }
  return [...found.values()];
}
