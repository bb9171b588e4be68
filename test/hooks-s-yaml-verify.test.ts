// The check every s.yaml edit passes before anything is written (src/hooks/s-yaml-verify.ts): it reads
// the edited resource's data and where every other entry is, not the whole document's data. Each case
// hands it an edit that went wrong in a way the edit code itself could produce: data of the edited
// resource not as intended, an edit that spills into the entries after it, one that does not parse.
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { editCheck, verifyEdit } from '../src/hooks/s-yaml-verify.ts';
import { parseSYaml } from '../src/project/parse.ts';

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

/** `insert` put in at the end of resource a's props (before `  b:`), and the check of adding a's preStop. */
function check(insert: string): () => void {
  const at = TEXT.indexOf('  b:\n');
  const result = TEXT.slice(0, at) + insert + TEXT.slice(at);
  const before = editCheck(parseSYaml(TEXT), 'a', 'preStop', { fields: { handler: 'index.preStop', timeout: 60 }, drop: [] });
  return () => verifyEdit(before, TEXT, result, at, at);
}

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return `${error.field}: ${error.rule}`;
    throw error;
  }
  throw new Error('expected the edit to be refused');
}

const REFUSED = 's.yaml: cannot edit instanceLifecycleConfig.preStop of resources.a safely (unusual formatting); edit s.yaml by hand';

describe('the check of an s.yaml edit', () => {
  test('passes the intended edit', () => {
    expect(check('      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n')).not.toThrow();
  });

  test.each([
    ['another value than intended', '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 30\n'],
    ['a key more than intended in the resource', '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n      memorySize: 512\n'],
    ['the hook at the wrong depth', '      instanceLifecycleConfig:\n      preStop:\n          handler: index.preStop\n          timeout: 60\n'],
    ['a resource more (the edit spilled out of its resource)', '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n  c:\n    component: fc3\n'],
    ['text that does not parse', '      instanceLifecycleConfig:\n        preStop:\n          handler: "index.preStop\n          timeout: 60\n'],
  ])('refuses %s', (_name, insert) => {
    expect(refusal(check(insert))).toBe(REFUSED);
  });

  test.each([
    ['moves an entry after it other than by its own length', 'after:  1'],
    ['changes the text after it', 'after: 2'],
  ])('refuses an edit that %s', (_name, changed) => {
    const at = TEXT.indexOf('  b:\n');
    const insert = '      instanceLifecycleConfig:\n        preStop:\n          handler: index.preStop\n          timeout: 60\n';
    // The resource is right, but the text after the edit is not the old text.
    const result = TEXT.slice(0, at) + insert + TEXT.slice(at).replace('after: 1', changed);
    const before = editCheck(parseSYaml(TEXT), 'a', 'preStop', { fields: { handler: 'index.preStop', timeout: 60 }, drop: [] });
    expect(refusal(() => verifyEdit(before, TEXT, result, at, at))).toBe(REFUSED);
  });
});
