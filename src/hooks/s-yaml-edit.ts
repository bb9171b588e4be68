// Edits instanceLifecycleConfig in a user's s.yaml. The file is parsed as a YAML Document to find
// where things are, and the change is made as a text insertion or a replacement of one value at the
// positions the Document reports, so comments, key order, quoting and indentation all stay as the user
// wrote them. Every edit is checked by parsing the result (s-yaml-verify.ts): the data must equal the old data plus the
// intended change, or nothing is returned.
import { sameData } from '../same-data.ts';
import { isMap, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { editableProps } from '../project/editable.ts';
import { parseSYaml } from '../project/parse.ts';
import { fail } from '../errors.ts';
import { eolOf, lineAt, lineStart, nextLineStart } from '../source/text.ts';
import { inlineValue } from './inline-value.ts';
import { findSwitchedOffComment, switchedOffComment } from './switched-off-comment.ts';
import { editCheck, isEmptyCommand, verifyEdit, type EditCheck, type HookChange } from './s-yaml-verify.ts';
import type { HookKind, HookState } from './types.ts';

export { SWITCHED_OFF_COMMENT } from './switched-off-comment.ts';
export { chooseResource } from '../project/editable.ts';
export { parseSYaml } from '../project/parse.ts';

const FIELD = 's.yaml';
const LIFECYCLE = 'instanceLifecycleConfig';

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
}

function valueOf(doc: Document.Parsed, pair: Pair): unknown {
  return (pair.value as Node | null)?.toJS(doc) ?? null;
}

/** `key:` with nothing after it. */
function isBareNull(value: unknown): boolean {
  return value === null || (isScalar(value) && value.value === null && value.source === '');
}

/** Where one hook stands in s.yaml. `on`: a non-empty handler or command; `off`: present, both empty. */
export async function hookState(text: string, resource: string, kind: HookKind): Promise<HookState> {
  const doc = await parseSYaml(text);
  const props = editableProps(doc, text, resource);
  const lifecycle = pairOf(props, LIFECYCLE)?.value;
  const pair = isMap(lifecycle) ? pairOf(lifecycle, kind) : undefined;
  if (!pair) return { status: 'absent' };
  const line = lineAt(text, (pair.key as Node).range![0]);
  // The resource has no aliases or merge keys (editableProps), so its own nodes hold its data.
  const hook = valueOf(doc, pair);
  if (hook === null || typeof hook !== 'object' || Array.isArray(hook)) return { status: 'off', line };
  const { handler, command, timeout } = hook as Record<string, unknown>;
  const state: HookState = { status: 'off', line, timeout, rawCommand: command };
  if (typeof handler === 'string') state.handler = handler;
  if (Array.isArray(command)) state.command = command.map(String);
  if ((typeof handler === 'string' && handler !== '') || (state.command?.length ?? 0) > 0) state.status = 'on';
  return state;
}

type Change = HookChange & { fields: Record<string, string | number | string[]>; comment?: string[]; uncomment?: boolean };

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), text);
}

function column(text: string, node: Node): number {
  return node.range![0] - lineStart(text, node.range![0]);
}

/** An edit inserting `lines` (each indented by `indent`) after the last item of a block map. */
function appendToMap(text: string, map: YAMLMap, indent: number, lines: string[]): Edit {
  const last = map.items.at(-1)!;
  const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
  const at = text[end - 1] === '\n' ? end : nextLineStart(text, end);
  return insertLines(text, at, indent, lines);
}

function insertLines(text: string, at: number, indent: number, lines: string[]): Edit {
  const eol = eolOf(text);
  const block = lines.map((line) => ' '.repeat(indent) + line).join(eol) + eol;
  const lead = at === text.length && !text.endsWith('\n') && text !== '' ? eol : '';
  return { start: at, end: at, text: lead + block };
}

/** An edit replacing a scalar or collection value in place, keeping what follows it on its line. */
function replaceValue(text: string, pair: Pair, rendered: string): Edit {
  const keyEnd = (pair.key as Node).range![1];
  const value = pair.value as Node | null;
  if (isScalar(value) && value.source !== '') {
    return { start: value.range![0], end: value.range![1], text: rendered };
  }
  const colon = text.indexOf(':', keyEnd);
  let end = value?.range ? value.range[1] : colon + 1;
  while (end > colon + 1 && /\s/.test(text[end - 1]!)) end -= 1;
  return { start: colon + 1, end, text: ` ${rendered}` };
}

/** An edit removing the whole lines of a pair. */
function removePair(text: string, pair: Pair): Edit {
  const start = lineStart(text, (pair.key as Node).range![0]);
  const value = pair.value as Node | null;
  const end = value?.range ? value.range[1] : (pair.key as Node).range![1];
  return { start, end: text[end - 1] === '\n' ? end : nextLineStart(text, end), text: '' };
}

function hookLines(fields: Record<string, string | number | string[]>, step: number): string[] {
  return Object.entries(fields).map(([key, value]) => `${' '.repeat(step)}${key}: ${inlineValue(value)}`);
}

/**
 * Edits the text so that instanceLifecycleConfig.<kind> gets `fields` (set in place when the key is
 * there, added in a new line when not). `drop` removes keys whose value is empty. `comment` goes above
 * the hook key when the hook is new or switched off; `uncomment` removes the switched-off comment.
 */
async function editHook(text: string, resource: string, kind: HookKind, change: Change): Promise<string> {
  const { edits, check } = await hookEdits(text, resource, kind, change);
  const result = applyEdits(text, edits);
  const editStart = Math.min(...edits.map((edit) => edit.start));
  const editEnd = Math.max(...edits.map((edit) => edit.end));
  // Only now, with the old Document no longer needed here, is the edited text parsed.
  await verifyEdit(check, text, result, editStart, editEnd);
  return result;
}

/** The edits that make the change, and what checking them needs. */
async function hookEdits(text: string, resource: string, kind: HookKind, change: Change): Promise<{ edits: Edit[]; check: EditCheck }> {
  const doc = await parseSYaml(text);
  const props = editableProps(doc, text, resource);
  const indent = column(text, props.items[0]!.key as Node);
  const parentKey = (doc.getIn(['resources', resource], true) as YAMLMap).items.find((pair) => isScalar(pair.key) && pair.key.value === 'props')!.key as Node;
  const step = indent - column(text, parentKey);
  const comment = change.comment ?? [];
  const newHook = [...comment, `${kind}:`, ...hookLines(change.fields, step)];
  const edits: Edit[] = [];
  const lifecyclePair = pairOf(props, LIFECYCLE);
  const lifecycle = lifecyclePair?.value;
  if (!lifecyclePair) {
    edits.push(appendToMap(text, props, indent, [`${LIFECYCLE}:`, ...newHook.map((line) => ' '.repeat(step) + line)]));
  } else if (isBareNull(lifecycle)) {
    edits.push(insertLines(text, nextLineStart(text, (lifecyclePair.key as Node).range![1]), indent + step, newHook));
  } else if (!isMap(lifecycle) || lifecycle.flow || lifecycle.items.length === 0) {
    fail(FIELD, `${LIFECYCLE} at line ${lineAt(text, (lifecyclePair.key as Node).range![0])} is not a block mapping; write it as one (key: value lines) to edit it`);
  } else {
    const hookIndent = column(text, lifecycle.items[0]!.key as Node);
    const hookStep = hookIndent > indent ? hookIndent - indent : step;
    const pair = pairOf(lifecycle, kind);
    if (!pair) {
      edits.push(appendToMap(text, lifecycle, hookIndent, [...comment, `${kind}:`, ...hookLines(change.fields, hookStep)]));
    } else {
      const key = pair.key as Node;
      const hook = pair.value;
      if (isBareNull(hook)) {
        edits.push(insertLines(text, nextLineStart(text, key.range![1]), hookIndent + hookStep, hookLines(change.fields, 0)));
      } else if (!isMap(hook) || hook.flow || hook.items.length === 0) {
        fail(FIELD, `${LIFECYCLE}.${kind} at line ${lineAt(text, key.range![0])} is not a block mapping; write it as one (key: value lines) to edit it`);
      } else {
        const fieldIndent = column(text, hook.items[0]!.key as Node);
        const missing: string[] = [];
        for (const [name, value] of Object.entries(change.fields)) {
          const field = pairOf(hook, name);
          if (!field) missing.push(name);
          else if (!sameData(valueOf(doc, field), value)) edits.push(replaceValue(text, field, inlineValue(value)));
        }
        for (const name of change.drop) {
          const field = pairOf(hook, name);
          if (field && isEmptyCommand(valueOf(doc, field))) edits.push(removePair(text, field));
        }
        if (missing.length > 0) {
          edits.push(appendToMap(text, hook, fieldIndent, hookLines(Object.fromEntries(missing.map((name) => [name, change.fields[name]!])), 0)));
        }
      }
      const marked = findSwitchedOffComment(text, key.range![0]);
      if (change.uncomment && marked) edits.push({ start: marked.start, end: marked.end, text: '' });
      if (change.comment && !marked) edits.push(insertLines(text, lineStart(text, key.range![0]), column(text, key), change.comment));
    }
  }
  return { edits, check: editCheck(doc, resource, kind, change) };
}

/**
 * Switches a hook on: handler (or, for a GPU function's initializer, command) and timeout when given
 * set, the other one dropped when it is empty, the switched-off comment removed.
 */
export async function switchOnHook(text: string, resource: string, kind: HookKind, hook: ({ handler: string } | { command: string[] }) & { timeout?: number }): Promise<string> {
  const fields: Record<string, string | number | string[]> = 'command' in hook ? { command: hook.command } : { handler: hook.handler };
  if (hook.timeout !== undefined) fields.timeout = hook.timeout;
  return editHook(text, resource, kind, { fields, drop: ['command' in hook ? 'handler' : 'command'], uncomment: true });
}

/**
 * Switches a hook off the way FC documents it (seed 003): handler "" and, for the initializer, command
 * [] (only recent fc3 versions also clear a hook whose key is deleted), with a comment saying why that
 * also records a command initializer's command, for `add --initializer` to restore.
 */
export async function switchOffHook(text: string, resource: string, kind: HookKind): Promise<string> {
  const state = await hookState(text, resource, kind);
  const fields: Record<string, string | string[]> = { handler: '' };
  if (kind === 'initializer' || state.command !== undefined) fields.command = [];
  const recorded = kind === 'initializer' ? state.command : undefined;
  return editHook(text, resource, kind, { fields, drop: [], comment: switchedOffComment(recorded) });
}

/** The command a command-type initializer had when `remove` switched it off, recorded in its comment. */
export async function recordedInitializerCommand(text: string, resource: string): Promise<string[] | undefined> {
  const lifecycle = pairOf(editableProps(await parseSYaml(text), text, resource), LIFECYCLE)?.value;
  const pair = isMap(lifecycle) ? pairOf(lifecycle, 'initializer') : undefined;
  return pair ? findSwitchedOffComment(text, (pair.key as Node).range![0])?.command : undefined;
}
