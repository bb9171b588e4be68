// One wording for s.yaml that does not parse, wherever it is read (the hook editor, the doctor).
import type { YAMLError } from 'yaml';

/**
 * `not valid YAML at line N: <reason>: <that line>`: the reason without the position the yaml package
 * appends, and the source line it points at last, so the one-line error shows what to fix.
 */
export function yamlErrorRule(text: string, error: YAMLError): string {
  const lineNumber = text.slice(0, error.pos[0]).split('\n').length;
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const source = (text.split('\n')[lineNumber - 1] ?? '').trim();
  return `not valid YAML at line ${lineNumber}: ${reason}: ${source || '(an empty line, or the end of the file)'}`;
}
