// Python: the module-level names of the handler's module, each with its offset and line, and for a
// function its parameters and body: the one reading the doctor checks and the hook editor finds,
// switches off and on (FC calls initialize(context) and preStop(context), with no event: spec §1.1, §1.3).
import type { SourceFile } from '../../source/file.ts';

/** The files a `file.function` entry may name: a module or a package (spec §1.3: `index.initialize` -> index.py). */
export const PYTHON_FILES = ['.py', '/__init__.py'];

export interface PyFunction {
  line: number;
  params: string[];
  /** Offsets of the body: from the signature's `:` to the next line indented no deeper than the def. */
  body: { start: number; end: number };
}

/** A module-level name: a function (with its signature), or another binding (an assignment, an import). */
export interface PyName {
  /** Offset of the line that binds it (a def's indentation included). */
  offset: number;
  line: number;
  fn?: PyFunction;
}

export interface PyModule {
  names: Map<string, PyName>;
  /** False after `from x import *`, which binds names this reading cannot list. */
  complete: boolean;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Whether the def on line `index` is at module level: no enclosing `class` or `def` block. */
function atModuleLevel(lines: string[], index: number): boolean {
  let indent = indentOf(lines[index]!);
  for (let i = index - 1; i >= 0 && indent > 0; i -= 1) {
    const line = lines[i]!;
    if (line.trim() === '' || indentOf(line) >= indent) continue;
    if (/^\s*(async\s+)?(def|class)\b/.test(line)) return false;
    indent = indentOf(line);
  }
  return true;
}

function bodyOf(file: SourceFile, def: number, open: number): { start: number; end: number } {
  const start = file.closing(open);
  const indent = indentOf(file.bare.slice(def, file.bare.indexOf('\n', def) >>> 0));
  const after = /\n(?=[ \t]*\S)/g;
  after.lastIndex = start;
  for (let m = after.exec(file.bare); m; m = after.exec(file.bare)) {
    if (indentOf(file.bare.slice(m.index + 1, file.bare.indexOf('\n', m.index + 1) >>> 0)) <= indent) return { start, end: m.index };
  }
  return { start, end: file.bare.length };
}

/** The module-level names of a module: its defs (the last of a name), then assignments and imports of other names (the first). */
export function readPythonModule(file: SourceFile): PyModule {
  const module: PyModule = { names: new Map(), complete: true };
  const lines = file.bare.split('\n');
  for (const m of file.matches(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/m)) {
    const line = file.lineAt(m.index);
    if (!atModuleLevel(lines, line - 1)) continue;
    const open = m.index + m[0].length - 1;
    module.names.set(m[1]!, { offset: m.index, line, fn: { line, params: file.items(open), body: bodyOf(file, m.index, open) } });
  }
  for (const m of file.matches(/^(\w+)[ \t]*(?::[^=\n]+)?=(?!=)/m)) {
    if (!module.names.has(m[1]!)) module.names.set(m[1]!, { offset: m.index, line: file.lineAt(m.index) });
  }
  for (const m of file.matches(/^(?:from[ \t]+\S+[ \t]+)?import[ \t]*/m)) {
    const at = m.index + m[0].length;
    const lineEnd = file.bare.indexOf('\n', at);
    const names = file.bare[at] === '(' ? file.items(at) : file.bare.slice(at, lineEnd < 0 ? undefined : lineEnd).split(',');
    for (const text of names.map((name) => name.trim()).filter(Boolean)) {
      if (text === '*') module.complete = false;
      const name = text.split(/\s+as\s+/).pop()!.split('.')[0]!.trim();
      if (!module.names.has(name)) module.names.set(name, { offset: m.index, line: file.lineAt(m.index) });
    }
  }
  return module;
}

