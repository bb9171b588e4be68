// The check every s.yaml edit passes before anything is written (src/hooks/s-yaml-verify.ts): it reads
// the edited resource's data and where every other entry is, not the whole document's data. Each case
// hands it an edit that went wrong in a way the edit code itself could produce: data of the edited
// resource not as intended, an edit that spills into the entries after it, one that does not parse.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { InputError } from '../src/errors.ts';
import { editCheck, verifyEdit, type EditCheck } from '../src/hooks/s-yaml-verify.ts';
import { parseSYaml } from '../src/project/parse.ts';
import { random } from './helpers/seeded-random.ts';

/** The texts the light reader read whole, and the ones it read one entry of (the check of an edit). */
const reads = { whole: [] as string[], entry: [] as string[] };
vi.mock('../src/project/light-yaml.ts', async (importOriginal) => {
  const light = await importOriginal<typeof import('../src/project/light-yaml.ts')>();
  return {
    ...light,
    lightParse: (text: string, ...rest: [never]) => (reads.whole.push(text), light.lightParse(text, ...rest)),
    lightParseEntry: (text: string, ...rest: [never, never, never, never]) => (reads.entry.push(text), light.lightParseEntry(text, ...rest)),
  };
});
beforeEach(() => {
  reads.whole = [];
  reads.entry = [];
});

const TEXT = `edition: 3.0.0
vars:
  region: cn-hangzhou
resources:
  a:
    component: fc3
    props:
      runtime: nodejs20
      handler: index.handler
  b:
    component: fc3
    props:
      runtime: python3.10
      code: ./b
after: 1
`;

/**
 * `insert` put in at the end of resource a's props (before `  b:`), and the check of adding a's
 * preStop; `whole`: with the whole edited text read, as for a text the light reader declined.
 */
async function check(insert: string, whole = false): Promise<() => Promise<void>> {
  const at = TEXT.indexOf('  b:\n');
  const result = TEXT.slice(0, at) + insert + TEXT.slice(at);
  const before: EditCheck = editCheck(await parseSYaml(TEXT), 'a', 'preStop', { fields: { handler: 'index.preStop', timeout: 60 }, drop: [] });
  return () => verifyEdit(whole ? { ...before, lightRead: false } : before, TEXT, result, at, at);
}

/** What the check says: `passed`, or the refusal. */
async function verdict(run: () => Promise<void>): Promise<string> {
  try {
    await run();
    return 'passed';
  } catch (error) {
    if (error instanceof InputError) return `${error.field}: ${error.rule}`;
    throw error;
  }
}

async function refusal(run: () => Promise<void>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return `${error.field}: ${error.rule}`;
    throw error;
  }
  throw new Error('expected the edit to be refused');
}

const REFUSED = 's.yaml: cannot edit instanceLifecycleConfig.preStop of resources.a safely (unusual formatting); edit s.yaml by hand';

describe('the check of an s.yaml edit', () => {
  test('passes the intended edit', async () => {
    expect(await verdict(await check('      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n'))).toBe('passed');
  });

  test.each([
    ['another value than intended', '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 30\n'],
    ['a key more than intended in the resource', '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n      memorySize: 512\n'],
    ['the hook at the wrong depth', '      instanceLifecycleConfig:\n      preStop:\n          handler: index.preStop\n          timeout: 60\n'],
    ['a resource more (the edit spilled out of its resource)', '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n  c:\n    component: fc3\n'],
    ['text that does not parse', '      instanceLifecycleConfig:\n        preStop:\n          handler: "index.preStop\n          timeout: 60\n'],
  ])('refuses %s', async (_name, insert) => {
    expect(await refusal(await check(insert))).toBe(REFUSED);
  });

  test.each([
    ['moves an entry after it other than by its own length', 'after:  1'],
    ['changes the text after it', 'after: 2'],
  ])('refuses an edit that %s', async (_name, changed) => {
    const at = TEXT.indexOf('  b:\n');
    const insert = '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n';
    // The resource is right, but the text after the edit is not the old text.
    const result = TEXT.slice(0, at) + insert + TEXT.slice(at).replace('after: 1', changed);
    const before = editCheck(await parseSYaml(TEXT), 'a', 'preStop', { fields: { handler: 'index.preStop', timeout: 60 }, drop: [] });
    expect(await refusal(() => verifyEdit(before, TEXT, result, at, at))).toBe(REFUSED);
  });
});

const INTENDED = '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n';

describe('the check of an edit inside a resource that another follows', () => {
  test('reads the edited resource alone, not the whole edited text', async () => {
    expect(await verdict(await check(INTENDED))).toBe('passed');
    expect(reads.entry).toHaveLength(1);
    expect(reads.whole).toEqual([]);
  });

  /** Random lines: keys, values, comments and blank lines at indents around the hook's. */
  function randomInsert(seed: number): string {
    const { next, pick } = random(seed);
    const lines = [INTENDED.trimEnd()];
    const count = Math.floor(next() * 4);
    for (let i = 0; i < count; i += 1) {
      const indent = ' '.repeat(pick([0, 1, 2, 3, 4, 6, 8, 10, 12]));
      lines.push(indent + pick(['timeout: 60', 'memorySize: 512', '# note', '#', '', '- x', 'c:', 'handler: "x', 'k: [a, b]', 'b:', 'x: &a 1', '  q: 1']));
    }
    if (next() < 0.5) lines.splice(1 + Math.floor(next() * lines.length), 0, pick(['      # between', '        # deeper', '', '# column 0']));
    return lines.join('\n') + '\n';
  }

  test('says what reading the whole edited text says, for 600 random edits', async () => {
    const verdicts = new Set<string>();
    for (let seed = 1; seed <= 600; seed += 1) {
      const insert = randomInsert(seed);
      const alone = await verdict(await check(insert));
      expect(alone, insert).toBe(await verdict(await check(insert, true)));
      verdicts.add(alone === 'passed' ? alone : 'refused');
    }
    expect([...verdicts].sort()).toEqual(['passed', 'refused']);
  });
});
