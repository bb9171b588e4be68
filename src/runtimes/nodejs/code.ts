// Node.js: the exports of the handler's module, CommonJS and ES module, each with its line, the offset
// of the statement that exports it, and where readable the function behind it (parameters, async, body),
// plus the module's top-level declarations: the one reading the doctor checks and the hook editor finds,
// switches off and on (spec §1.2). Static reading: what it cannot list makes the module incomplete.
import { splitTopLevel, type SourceFile } from '../../source/file.ts';

/** Every extension a handler's file may have; which of them a runtime loads is loadedFiles. */
export const NODE_FILES = ['.js', '.mjs', '.cjs'];

/** nodejs16 and older load CommonJS `.js` only; nodejs18+ also load ES modules (`.mjs`), spec §1.2. */
export function loadedFiles(runtime: string): string[] {
  return Number(runtime.replace('nodejs', '')) >= 18 ? ['.mjs', '.js', '.cjs'] : ['.js'];
}

export type ModuleStyle = 'esm' | 'commonjs';

export interface JsFunction {
  /** Line of the function's parameter list. */
  line: number;
  /** Parameter names; a destructured parameter is '' and a rest parameter keeps its `...`. */
  params: string[];
  async: boolean;
  /** Offsets of the body (block or expression) in the file. */
  body: { start: number; end: number };
}

export interface JsExport {
  line: number;
  /** Offset of the statement that exports it (`exports.x =`, `module.exports = {`, `export …`). */
  statement: number;
  /** The module system whose export this is: an ES module has no `exports`, CommonJS no `export`. */
  style: ModuleStyle;
  /** Undefined when the exported value is not a function written in this file. */
  fn?: JsFunction;
}

export interface JsModule {
  exports: Map<string, JsExport>;
  /** False when something exports names this reading cannot list (`module.exports = x`, `export *`). */
  complete: boolean;
  /** Offsets of the top-level (column 0) declarations, exported or not: function, class, const, let, var (the first of a name). */
  declarations: Map<string, number>;
}

/**
 * The sticky patterns functionAt reads with, made once: each use sets lastIndex first, and nothing
 * between that and its test uses the same pattern.
 */
const STICKY = { space: /\s*/y, async: /async\b\s*/y, keyword: /function\b\s*\*?\s*[\w$]*\s*/y, single: /([\w$]+)\s*=>/y };

const skipSpace = (text: string, i: number) => {
  if (i >= text.length) return i;
  STICKY.space.lastIndex = i;
  STICKY.space.test(text);
  return STICKY.space.lastIndex;
};

/** The end of an arrow function's expression body: the first `;` or unbalanced bracket at depth 0. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    } else if ((c === ';' || c === ',') && depth === 0) return i;
  }
  return text.length;
}

/** Past a TypeScript return type (`: Promise<string>`) before an arrow's `=>`, when there is one. */
function skipReturnType(src: string, at: number): number {
  if (src[at] !== ':') return at;
  const arrow = src.indexOf('=>', at);
  return arrow < 0 || /[;{}]/.test(src.slice(at, arrow)) ? at : arrow;
}

function paramNames(list: string): string[] {
  return splitTopLevel(list).map(({ text }) => {
    // Without a default value or a TypeScript annotation (`context: FcContext`, `event?: Buffer`).
    const name = text.replace(/\s*=[\s\S]*$/, '').replace(/\s*\??\s*:[\s\S]*$/, '');
    return /^(\.\.\.)?[\w$]+$/.test(name) ? name : '';
  });
}

/** Reads a function expression (`function …`, `async (…) => …`, `x => …`) starting at `pos`. */
function functionAt(file: SourceFile, pos: number): JsFunction | undefined {
  const src = file.bare;
  let i = skipSpace(src, pos);
  const { async: asyncWord, keyword, single } = STICKY;
  asyncWord.lastIndex = i;
  const isAsync = asyncWord.test(src);
  if (isAsync) i = asyncWord.lastIndex;
  keyword.lastIndex = i;
  let params: string[];
  let after: number;
  if (keyword.test(src)) {
    i = keyword.lastIndex;
    if (src[i] !== '(') return undefined;
    after = file.closing(i);
    if (after < 0) return undefined;
    params = paramNames(src.slice(i + 1, after - 1));
    const open = skipSpace(src, after);
    if (src[open] !== '{') return undefined;
    return { line: file.lineAt(i), params, async: isAsync, body: { start: open, end: file.closing(open) } };
  }
  single.lastIndex = i;
  const singleMatch = single.exec(src);
  if (singleMatch) {
    params = [singleMatch[1]!];
    after = single.lastIndex;
  } else if (src[i] === '(') {
    const close = file.closing(i);
    if (close < 0) return undefined;
    params = paramNames(src.slice(i + 1, close - 1));
    const arrow = skipReturnType(src, skipSpace(src, close));
    if (!src.startsWith('=>', arrow)) return undefined;
    after = arrow + 2;
  } else {
    return undefined;
  }
  const line = file.lineAt(i);
  const bodyStart = skipSpace(src, after);
  const bodyEnd = src[bodyStart] === '{' ? file.closing(bodyStart) : expressionEnd(src, bodyStart);
  return { line, params, async: isAsync, body: { start: bodyStart, end: bodyEnd } };
}

/** A function declared in the file under `name`: `function name(…)` or `const name = <function>`. */
function localFunction(file: SourceFile, name: string): JsFunction | undefined {
  const escaped = name.replace(/\$/g, '\\$');
  const [declared] = file.matches(new RegExp(`(?<![\\w$.])(?:async\\s+)?function\\s*\\*?\\s*${escaped}\\s*\\(`));
  if (declared) return functionAt(file, declared.index);
  const [assigned] = file.matches(new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+${escaped}\\s*=(?![=>])`));
  return assigned && functionAt(file, assigned.index + assigned[0].length);
}

/** The function a value at `pos` evaluates to: written inline, or a name declared in the file. */
function valueAt(file: SourceFile, pos: number): JsFunction | undefined {
  const inline = functionAt(file, pos);
  if (inline) return inline;
  const reference = /\s*([\w$]+)\s*(?=[;,}\n]|$)/y;
  reference.lastIndex = pos;
  const match = reference.exec(file.bare);
  return match ? localFunction(file, match[1]!) : undefined;
}

function readObjectLiteral(file: SourceFile, statement: number, open: number, module: JsModule): void {
  const close = file.closing(open);
  if (close < 0) {
    module.complete = false;
    return;
  }
  for (const part of splitTopLevel(file.bare.slice(open + 1, close - 1))) {
    const at = open + 1 + part.offset;
    const codeText = file.code.slice(at, at + part.text.length);
    const method = /^(?:async\s+)?([\w$]+)\s*\(/.exec(part.text);
    const keyed = /^(?:([\w$]+)|(['"])([\w$]+)\2)\s*:/.exec(codeText);
    if (part.text.startsWith('...')) module.complete = false;
    else if (method) {
      const paren = at + method[0].length - 1;
      const end = file.closing(paren);
      const open2 = skipSpace(file.bare, end);
      module.exports.set(method[1]!, {
        line: file.lineAt(at),
        statement,
        style: 'commonjs',
        fn: { line: file.lineAt(paren), params: paramNames(file.bare.slice(paren + 1, end - 1)), async: /^async\s/.test(part.text), body: { start: open2, end: file.closing(open2) } },
      });
    } else if (keyed) {
      const fn = valueAt(file, at + keyed[0].length);
      module.exports.set(keyed[1] ?? keyed[3]!, { line: file.lineAt(at), statement, style: 'commonjs', ...(fn && { fn }) });
    } else if (/^[\w$]+$/.test(part.text)) {
      const fn = localFunction(file, part.text);
      module.exports.set(part.text, { line: file.lineAt(at), statement, style: 'commonjs', ...(fn && { fn }) });
    } else module.complete = false;
  }
}

/** What readModule searches the bare text for, made once (SourceFile.matches keeps one global copy of each pattern). */
const SEARCHES = {
  exportsProperty: /(?<![\w$.])(?:module\.)?exports\.([\w$]+)\s*=(?![=>])/,
  moduleExports: /(?<![\w$.])module\.exports\s*=(?![=>])\s*/,
  exportFunction: /(?<![\w$.])export\s+(?:async\s+)?function\s*\*?\s*([\w$]+)\s*\(/,
  exportBinding: /(?<![\w$.])export\s+(?:const|let|var)\s+([\w$]+)\b(?:\s*=(?![=>]))?/,
  exportList: /(?<![\w$.])export\s*\{([^}]*)\}(\s*from\b)?/,
  /** Top-level functions first, then the other declarations (the first of a name wins). */
  declarations: [/^(?:export\s+)?(?:async\s+)?function\s*\*?\s*([\w$]+)\s*\(/m, /^(?:export\s+)?(?:const|let|var|class)\s+([\w$]+)/m],
} as const;

/** The names a CommonJS or ES module exports, with the functions behind them where readable, and its top-level declarations. */
export function readModule(file: SourceFile): JsModule {
  const module: JsModule = { exports: new Map(), complete: true, declarations: new Map() };
  const add = (style: ModuleStyle, name: string, at: number, fn: JsFunction | undefined) => {
    module.exports.set(name, { line: file.lineAt(at), statement: at, style, ...(fn && { fn }) });
  };
  // Each search below needs its keyword: a file without `exports` (an ES module) or `export` (CommonJS) skips those searches.
  const commonJs = file.bare.includes('exports');
  if (commonJs) for (const m of file.matches(SEARCHES.exportsProperty)) add('commonjs', m[1]!, m.index, valueAt(file, m.index + m[0].length));
  const quoted = /(?<![\w$.])(?:module\.)?exports\[\s*(['"])([\w$]+)\1\s*\]\s*=(?![=>])/g;
  if (file.codeIncludes('exports')) for (let m = quoted.exec(file.code); m; m = quoted.exec(file.code)) add('commonjs', m[2]!, m.index, valueAt(file, m.index + m[0].length));
  if (commonJs) {
    if (/(?<![\w$.])(?:module\.)?exports\[(?!\s*['"])/.test(file.bare) || /Object\.(assign|defineProperty)\(\s*(module\.)?exports\b/.test(file.bare)) module.complete = false;
    for (const m of file.matches(SEARCHES.moduleExports)) {
      const at = m.index + m[0].length;
      if (file.bare[at] === '{') readObjectLiteral(file, m.index, at, module);
      else module.complete = false;
    }
  }
  if (file.bare.includes('export')) {
    for (const m of file.matches(SEARCHES.exportFunction)) {
      add('esm', m[1]!, m.index, functionAt(file, m.index + 'export'.length));
    }
    // `export let name;` exports the name too, assigned later (its function, if any, is not followed).
    for (const m of file.matches(SEARCHES.exportBinding)) {
      add('esm', m[1]!, m.index, m[0].endsWith('=') ? valueAt(file, m.index + m[0].length) : undefined);
    }
    for (const m of file.matches(SEARCHES.exportList)) {
      for (const { text } of splitTopLevel(m[1]!)) {
        const [local, exported = local] = text.split(/\s+as\s+/).map((s) => s.trim());
        add('esm', exported!, m.index, m[2] ? undefined : localFunction(file, local!));
      }
    }
    if (/(?<![\w$.])export\s*\*/.test(file.bare)) module.complete = false;
  }
  for (const pattern of SEARCHES.declarations) {
    for (const m of file.matches(pattern)) if (!module.declarations.has(m[1]!)) module.declarations.set(m[1]!, m.index);
  }
  return module;
}
