// PHP: the global functions of the handler's file, by name (case-insensitive, as PHP function names
// are), each with its offset, line and parameters: the one reading the doctor checks and the hook
// editor finds, switches off and on (FC calls initialize($context) and preStop($context), spec §1.4).
import type { SourceFile } from '../../source/file.ts';

/** The file a `file.function` entry names: `<file>.php`. */
export const PHP_FILES = ['.php'];

export interface PhpFunction {
  /** The name as declared. */
  name: string;
  /** Offset of the `function` keyword. */
  offset: number;
  line: number;
  params: string[];
  body?: { start: number; end: number };
}

export interface PhpModule {
  /** Global functions by lower-cased name (methods of classes, traits and interfaces are not). */
  functions: Map<string, PhpFunction>;
  /** False when the file includes other files, which may define more functions. */
  complete: boolean;
}

export function readPhpModule(file: SourceFile): PhpModule {
  const classes: [number, number][] = [];
  for (const m of file.matches(/\b(?:class|trait|interface)\s+\w+[^{;]*\{/)) {
    const open = m.index + m[0].length - 1;
    classes.push([open, file.closing(open)]);
  }
  const functions: PhpModule['functions'] = new Map();
  for (const m of file.matches(/\bfunction\s+&?\s*(\w+)\s*\(/)) {
    if (classes.some(([start, end]) => m.index > start && m.index < end)) continue;
    const open = m.index + m[0].length - 1;
    functions.set(m[1]!.toLowerCase(), { name: m[1]!, offset: m.index, line: file.lineAt(m.index), params: file.items(open), body: file.bodyAfter(open) });
  }
  return { functions, complete: !/\b(?:require|include)(?:_once)?\b/.test(file.bare) };
}

/** The global function `name`, as PHP resolves a call to it. */
export function globalFunction(module: PhpModule, name: string): PhpFunction | undefined {
  return module.functions.get(name.toLowerCase());
}
