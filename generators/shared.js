// What the plop generators share. They run in the user's project, from node_modules: relative
// directories are taken from where plop was started (process.cwd()), not from the plopfile's folder.
import { InputError } from '../dist/index.js';

/** Where relative directories in answers are resolved from. */
export const cwd = () => process.cwd();

/** Turns a check that throws InputError into an inquirer `validate` that returns the rule. */
export function validator(check) {
  return async (value, answers) => {
    try {
      await check(value, answers);
      return true;
    } catch (error) {
      if (error instanceof InputError) return error.rule;
      throw error;
    }
  };
}

/** Remembers the last result of an async function per key (prompts ask about the same project several times). */
export function memo(compute) {
  const cache = new Map();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!cache.has(key)) cache.set(key, compute(...args));
    return cache.get(key);
  };
}

/** How a hook stands in s.yaml, for prompt messages. */
export function describeHook(state) {
  if (state.status === 'absent') return 'not in s.yaml';
  if (state.status === 'off') return 'switched off';
  return `on: ${state.handler || state.command.join(' ')}`;
}

/** The hooks plop's checkbox chose: every choice, whatever the hook's state (the messages show it). */
export const HOOK_CHOICES = [
  { name: 'Initializer (once per instance, before the first request)', value: 'initializer' },
  { name: 'PreStop (before the instance is destroyed)', value: 'preStop' },
];

/** A plan's result as one text for plop's action line: what was written, then what was found. */
export function planSummary(plan, written) {
  const head = written.length > 0 ? `wrote ${written.join(', ')}` : 'nothing to change: everything asked for is already in place';
  return [head, ...plan.notes.map((note) => `  ${note}`), ...plan.warnings.map((warning) => `  warning: ${warning}`)].join('\n');
}
