// The comment `remove` writes in s.yaml above a hook it switched off, and `add` removes again. For a
// command-type initializer (GPU functions) it also records the command, since s.yaml then holds only
// `command: []`: that line is how `add --initializer` restores the command form instead of turning the
// initializer into a handler one.
import { lineStart, nextLineStart } from '../source/text.ts';

/** The two lines above every hook `remove` switched off. */
export const SWITCHED_OFF_COMMENT = [
  '# Switched off by `create-fc-lifecycle remove`: FC turns a deployed hook off only when its handler',
  '# (and command) are sent empty; deleting the key would leave it on with older fc3 versions.',
];
const SWITCHED_OFF = [/^[ \t]*# Switched off by `create-fc-lifecycle remove`/, /^[ \t]*# \(and command\) are sent empty/];
// JSON keeps the command exact (spaces, quotes); the greedy match ends at the array's last `]`.
const RECORDED_COMMAND = /^[ \t]*# Its command was (\[.*\]); `create-fc-lifecycle add --initializer` restores it\.\s*$/;

/** The switched-off comment for a hook; with the initializer's command when it was a command. */
export function switchedOffComment(command?: readonly string[]): string[] {
  if (!command?.length) return SWITCHED_OFF_COMMENT;
  return [...SWITCHED_OFF_COMMENT, `# Its command was ${JSON.stringify(command)}; \`create-fc-lifecycle add --initializer\` restores it.`];
}

function parseCommand(json: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The switched-off comment in the comment lines right above the line at `keyStart`: the text range of
 * its lines (the recorded command's line included) and the command it records, if any.
 */
export function findSwitchedOffComment(text: string, keyStart: number): { start: number; end: number; command?: string[] } | undefined {
  let at = lineStart(text, keyStart);
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    const line = text.slice(previous, at);
    if (SWITCHED_OFF[0]!.test(line)) {
      let end = at;
      if (SWITCHED_OFF[1]!.test(text.slice(end, nextLineStart(text, end)))) end = nextLineStart(text, end);
      const recorded = RECORDED_COMMAND.exec(text.slice(end, nextLineStart(text, end)));
      const command = recorded ? parseCommand(recorded[1]!) : undefined;
      if (recorded) end = nextLineStart(text, end);
      return { start: previous, end, ...(command && { command }) };
    }
    if (!/^[ \t]*#/.test(line)) return undefined;
    at = previous;
  }
  return undefined;
}
