// A parsed s.yaml as plain data. The YAML library refuses to expand aliases past a limit (a
// "billion laughs" file would take gigabytes) by throwing "Excessive alias count indicates a resource
// exhaustion attack", which reached users as a raw message; here it is one `error: s.yaml: ...` line.
import type { Document } from 'yaml';
import { fail } from './errors.ts';

export function yamlData(doc: Document.Parsed): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      fail('s.yaml', 'expands its aliases too many times (the YAML library stops at 100 expansions, against "billion laughs" files); write those values out');
    }
    throw error;
  }
}
