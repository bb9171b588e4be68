// What a custom runtime's server and a custom container's (the same Flask server, in an image) share,
// apart from either generator: a container's generation loads its own generator only.
import { fail } from '../../errors.ts';
import { ENTRY_FIELDS, type EntryKey } from '../../entry.ts';
import type { ProjectSpec, ServerKind } from '../../spec.ts';
import { templateData } from '../common.ts';
import { hookRoutes } from './routes.ts';
import type { EntryStrings } from '../types.ts';

/** FC's default port for custom runtimes and containers; the servers read FC_CUSTOM_LISTEN_PORT first. */
export const DEFAULT_PORT = 9000;

/**
 * Custom runtimes and containers: FC ignores the entry strings (the server gets every call) but a hook
 * is only on when its handler is non-empty.
 */
export function checkOpaqueEntries(entries: EntryStrings): Record<string, never> {
  for (const key of Object.keys(ENTRY_FIELDS) as EntryKey[]) {
    const value = entries[key];
    if (value === undefined) continue;
    if (value.trim() === '' || value.length > 128) {
      fail(ENTRY_FIELDS[key], `must be a non-empty string of at most 128 characters (FC does not use it for a custom runtime or container, but an empty one switches the hook off)`);
    }
  }
  return {};
}

/** What the server templates need besides the spec, from either family. */
export function serverTemplateData(spec: ProjectSpec, server: ServerKind, extra: { startCommand: string; startedBy: string; commandInitializer: boolean }) {
  return { ...templateData(spec, {}), ...extra, port: DEFAULT_PORT, hookRoutes: hookRoutes(server) };
}

/** The README note both families share: the entry strings are placeholders. */
export const ENTRY_NOTE =
  'FC does not use the entry strings in s.yaml here: it sends every request to the server, and calls ' +
  '`POST /initialize` and `GET /pre-stop` for the hooks. A hook is on when its `handler` is non-empty ' +
  '(by default `"true"`, quoted: a string).';
