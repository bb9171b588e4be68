// The Go family's entry rules: which entries a handler and its hooks may have, and the names they
// give. The generator checks a new project's entries with them, and add (the family's edit parts) a
// hook's entry against an existing project's handler; the build copies this module into both files
// (scripts/build.mjs), so add loads no generator.
import { ENTRY_FIELDS } from '../../entry.ts';
import { fail } from '../../errors.ts';
import { FC_GO_SDK_VERSION } from '../../versions.ts';
import type { EntryStrings } from '../types.ts';
import { family } from './index.ts';

// The handler is the name of the binary FC runs; the hook strings are labels (the SDK dispatches hooks by
// type), kept to characters that read the same in s.yaml, a shell command and a markdown table.
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface GoNames {
  /** The binary FC runs: `go build -o target/<binary>`. */
  binary: string;
  /** The `go build` command s.yaml runs before deploying (from code/). */
  buildCommand: string;
  sdkVersion: string;
}

/** Validates the binary name and the hook labels (throws InputError naming the field) and derives the names. */
export function parseGoEntries(entries: EntryStrings): GoNames {
  if (!NAME.test(entries.handler)) {
    fail(ENTRY_FIELDS.handler, `"${entries.handler}" must be the name of the Go binary FC runs, e.g. main (letters, digits, _ . -; no directories)`);
  }
  for (const key of ['initializer', 'preStop'] as const) {
    const label = entries[key];
    if (label !== undefined && !NAME.test(label)) {
      fail(ENTRY_FIELDS[key], `"${label}" must be a non-empty label of letters, digits, _ . - (Go picks hooks by type, so FC only needs it non-empty), e.g. ${family.card.defaults[key]}`);
    }
  }
  return {
    binary: entries.handler,
    buildCommand: `GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o target/${entries.handler} main.go`,
    sdkVersion: FC_GO_SDK_VERSION,
  };
}
