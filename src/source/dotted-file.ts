// Where the file of a `file.function` entry is (Node.js, Python, PHP: spec §1.2-1.4): the one lookup
// the doctor and the hook editor share. Each family gives the extensions its runtime tries, in order;
// each caller gives its own test of a path (the doctor's stat is cached for one run).
import { join } from 'node:path';

/** `index.initialize` -> file `index`, name `initialize` (the file may have `/` directories). */
export function splitDotted(entry: string): { file: string; name: string } | undefined {
  const dot = entry.lastIndexOf('.');
  if (dot <= 0 || dot === entry.length - 1) return undefined;
  return { file: entry.slice(0, dot), name: entry.slice(dot + 1) };
}

/** The path `<dir>/<file><extension>`. */
export function dottedCandidate(dir: string, file: string, extension: string): string {
  return join(dir, ...`${file}${extension}`.split('/'));
}

/** The paths `<dir>/<file><extension>`, one per extension in the runtime's order (the first is the one messages name when none is there). */
export function dottedCandidates(dir: string, file: string, extensions: readonly string[]): string[] {
  return extensions.map((extension) => dottedCandidate(dir, file, extension));
}

/** dottedCandidates (`candidates`), and those of them `exists` accepts (`found`). */
export function dottedFiles(dir: string, file: string, extensions: readonly string[], exists: (path: string) => boolean): { candidates: string[]; found: string[] } {
  const candidates = dottedCandidates(dir, file, extensions);
  return { candidates, found: candidates.filter(exists) };
}
