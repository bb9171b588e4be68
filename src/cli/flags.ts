// Flag parsing with the CLI's error contract for every command (create, add, remove, doctor): one
// `error: <field>: <rule>` line naming the flag as typed in full, "did you mean" for a near miss, and
// -h/--help winning over any other mistake on the line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fail } from '../errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Levenshtein distance, for suggesting the flag or command a typo was meant to be. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate `word` is one or two edits from (closest first), if any: a typo rather than another word. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const scored = candidates.map((candidate) => ({ candidate, distance: editDistance(word, candidate) }));
  // Short names allow one edit only, or every short word would look like a typo of `add`.
  const close = scored.filter(({ candidate, distance }) => distance > 0 && distance <= Math.min(2, Math.floor(candidate.length / 3)));
  return close.sort((a, b) => a.distance - b.distance)[0]?.candidate;
}

/** Whether argv asks for help (before any `--`), which then wins over every other error. */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
}

type Value = string | boolean;

/**
 * The usual command line, parsed as parseArgs (strict, positionals allowed) parses it, without it:
 * positionals, and the command's own flags as `--name`, `--name value`, `--name=value` or `-n value`.
 * The first parseArgs call of a run costs about 0.6 ms (node compiles its parser); this loop next to
 * nothing. Any other line (an unknown flag, a value that is missing or starts with `-`, a value given
 * to a switch, grouped short flags, `-`, `--`) gives undefined: parseArgs then decides it, and words
 * any error, as do a command's flags with a default (no command has one).
 */
export function parseUsualLine(argv: readonly string[], options: Options): { values: Record<string, Value | Value[]>; positionals: string[] } | undefined {
  if (Object.values(options).some((option) => option.default !== undefined)) return undefined;
  const values: Record<string, Value | Value[]> = Object.create(null);
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const equals = long ? arg.indexOf('=') : -1;
    const name = long ? arg.slice(2, equals === -1 ? undefined : equals) : arg.length === 2 ? Object.keys(options).find((key) => options[key]!.short === arg[1]) : undefined;
    if (name === undefined || !Object.hasOwn(options, name)) return undefined;
    const option = options[name]!;
    let value: Value = true;
    if (option.type === 'string') {
      const next = equals === -1 ? argv[(i += 1)] : arg.slice(equals + 1);
      if (next === undefined || (equals === -1 && next.startsWith('-'))) return undefined;
      value = next;
    } else if (equals !== -1) {
      return undefined;
    }
    if (option.multiple) ((values[name] ??= []) as Value[]).push(value);
    else values[name] = value;
  }
  return { values, positionals };
}

/**
 * parseArgs (strict, positionals allowed) whose errors are InputErrors: `--runtime: needs a value`,
 * `--yes: takes no value`, `--runtim: unknown option (did you mean --runtime?)`. `command` names the
 * help to point at (`add --help`, or `--help` for create). With -h/--help anywhere, a line that does
 * not parse gives `{ help: true }` alone, so asking for help never ends in an error.
 */
export function parseFlags<O extends Options>(command: string | undefined, argv: string[], options: O) {
  const seeHelp = `see ${command ? `${command} ` : ''}--help`;
  try {
    return (parseUsualLine(argv, options) as ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>> | undefined) ??
      parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Every command has --help: parsed alone, it gives the values of a plain help request.
    if (asksForHelp(argv)) return parseArgs({ args: ['--help'], options, allowPositionals: true, strict: true });
    const message = (error as Error).message;
    const code = (error as { code?: string }).code;
    // Node quotes the option as `'-r, --runtime <value>'` or `'--runtim'`: keep the long name.
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
    const flag = /--[^\s,<]+/.exec(quoted)?.[0] ?? quoted.split(/[\s,]/)[0] ?? 'arguments';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      fail(flag, message.includes('does not take an argument') ? `takes no value (${seeHelp})` : `needs a value (${seeHelp})`);
    }
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const guess = flag.startsWith('--') ? nearest(flag.slice(2).split('=')[0]!, Object.keys(options)) : undefined;
      fail(flag, `unknown option (${guess ? `did you mean --${guess}? ` : ''}${seeHelp})`);
    }
    fail('arguments', message.split('\n')[0]!);
  }
}
