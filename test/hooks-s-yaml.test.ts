// Editing instanceLifecycleConfig in hand-written s.yaml files: the change is exactly the lines it
// needs, everything else (comments, key order, quoting, indentation, line endings) stays byte for byte.
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../src/errors.ts';
import { diffLines } from '../src/hooks/diff.ts';
import { addedLines } from './helpers/hook-fixtures.ts';
import { chooseResource, hookState, parseSYaml, SWITCHED_OFF_COMMENT, switchOffHook, switchOnHook } from '../src/hooks/s-yaml-edit.ts';

async function inputError(action: () => unknown): Promise<InputError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const ODD = `# Orders - hand-written
edition: 3.0.0
name: orders   # project

resources:
    orders:   # function
        component: fc3
        props:
            region: 'cn-shanghai'
            runtime: "python3.10"
            handler: index.handler      # entry
            environmentVariables:
                  A: "1"
            # triggers come later
    site:
        component: fc3@0.1.2
        props: {runtime: custom, region: cn-hangzhou}
# end
`;

describe('switching a hook on', () => {
  test('a new instanceLifecycleConfig is only added lines, at the props indentation, before trailing comments', async () => {
    const after = await switchOnHook(ODD, 'orders', 'initializer', { handler: 'index.initialize', timeout: 60 });
    expect(addedLines(ODD, after)).toEqual([
      '            instanceLifecycleConfig:',
      '                initializer:',
      '                    handler: index.initialize',
      '                    timeout: 60',
    ]);
    expect(after).toContain('                  A: "1"\n            instanceLifecycleConfig:\n');
    expect(parse(after).resources.orders.props.instanceLifecycleConfig).toEqual({ initializer: { handler: 'index.initialize', timeout: 60 } });
  });

  test('the second hook goes into the existing block; a "true" handler stays a quoted string', async () => {
    const one = await switchOnHook(ODD, 'orders', 'initializer', { handler: 'index.initialize', timeout: 60 });
    const two = await switchOnHook(one, 'orders', 'preStop', { handler: 'true', timeout: 30 });
    expect(addedLines(one, two)).toEqual(['                preStop:', '                    handler: "true"', '                    timeout: 30']);
    expect(parse(two).resources.orders.props.instanceLifecycleConfig.preStop).toEqual({ handler: 'true', timeout: 30 });
  });

  test('an empty `instanceLifecycleConfig:` at the end of the file gets its hook', async () => {
    const text = 'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props:\n      runtime: php7.2\n      instanceLifecycleConfig:';
    const after = await switchOnHook(text, 'f', 'preStop', { handler: 'index.preStop', timeout: 60 });
    expect(addedLines(text, after)).toEqual(['        preStop:', '          handler: index.preStop', '          timeout: 60']);
  });

  test('CRLF files get CRLF lines', async () => {
    const text = 'edition: 3.0.0\r\nresources:\r\n  f:\r\n    component: fc3\r\n    props:\r\n      runtime: nodejs20\r\n';
    const after = await switchOnHook(text, 'f', 'initializer', { handler: 'index.initialize', timeout: 60 });
    expect(after).toBe(`${text}      instanceLifecycleConfig:\r\n        initializer:\r\n          handler: index.initialize\r\n          timeout: 60\r\n`);
  });

  test('a switched-off hook is switched back on in place: handler set, empty command and the comment removed, timeout kept', async () => {
    const off = await switchOffHook(await switchOnHook(ODD, 'orders', 'initializer', { handler: 'index.initialize', timeout: 45 }), 'orders', 'initializer');
    const on = await switchOnHook(off, 'orders', 'initializer', { handler: 'index.init' });
    expect(on).not.toContain('Switched off');
    expect(parse(on).resources.orders.props.instanceLifecycleConfig).toEqual({ initializer: { handler: 'index.init', timeout: 45 } });
  });
});

describe('switching a hook off', () => {
  test('handler "" and command [] with the comment, nothing deleted; preStop gets no command', async () => {
    const on = await switchOnHook(await switchOnHook(ODD, 'orders', 'initializer', { handler: 'index.initialize', timeout: 60 }), 'orders', 'preStop', { handler: 'index.preStop', timeout: 60 });
    const off = await switchOffHook(on, 'orders', 'initializer');
    const diff = diffLines(on, off);
    expect(diff.filter((line) => line.op === '-').map((line) => line.text)).toEqual(['                    handler: index.initialize']);
    expect(diff.filter((line) => line.op === '+').map((line) => line.text)).toEqual([
      ...SWITCHED_OFF_COMMENT.map((line) => `                ${line}`),
      '                    handler: ""',
      '                    command: []',
    ]);
    const both = await switchOffHook(off, 'orders', 'preStop');
    expect(parse(both).resources.orders.props.instanceLifecycleConfig).toEqual({
      initializer: { handler: '', timeout: 60, command: [] },
      preStop: { handler: '', timeout: 60 },
    });
    expect(await hookState(both, 'orders', 'preStop')).toMatchObject({ status: 'off' });
  });

  test('a command initializer gets an empty command', async () => {
    const text = 'resources:\n  gpu:\n    component: fc3\n    props:\n      runtime: custom-container\n      instanceLifecycleConfig:\n        initializer:\n          timeout: 300\n          command:\n            - /bin/sh\n            - -c\n            - /code/warm-up.sh\n';
    expect(await hookState(text, 'gpu', 'initializer')).toMatchObject({ status: 'on', command: ['/bin/sh', '-c', '/code/warm-up.sh'] });
    const off = await switchOffHook(text, 'gpu', 'initializer');
    expect(parse(off).resources.gpu.props.instanceLifecycleConfig.initializer).toEqual({ timeout: 300, command: [], handler: '' });
  });

  test('a hook s.yaml does not have gets the switched-off form too (an older deploy may have one)', async () => {
    const off = await switchOffHook(ODD, 'orders', 'preStop');
    expect(addedLines(ODD, off)).toEqual([
      '            instanceLifecycleConfig:',
      ...SWITCHED_OFF_COMMENT.map((line) => `                ${line}`),
      '                preStop:',
      '                    handler: ""',
    ]);
  });
});

describe('shapes it refuses, with one clear error', () => {
  test.each([
    ['an alias in the resource', 'base: &base\n  runtime: nodejs20\nresources:\n  f:\n    component: fc3\n    props: *base\n', /alias \(\*base/],
    ['a merge key', 'base: &base\n  runtime: nodejs20\nresources:\n  f:\n    component: fc3\n    props:\n      <<: *base\n      handler: index.handler\n', /alias|merge key/],
    ['an anchor other nodes copy', 'resources:\n  f:\n    component: fc3\n    props: &p\n      runtime: nodejs20\n  g:\n    component: fc3\n    props: *p\n', /anchor \(&p/],
    ['flow-style props', 'resources:\n  f:\n    component: fc3\n    props: {runtime: nodejs20, handler: index.handler}\n', /flow mapping/],
    ['a flow-style instanceLifecycleConfig', 'resources:\n  f:\n    component: fc3\n    props:\n      runtime: nodejs20\n      instanceLifecycleConfig: {preStop: {handler: a.b}}\n', /not a block mapping/],
  ])('%s', async (_name, text, rule) => {
    const error = await inputError(() => switchOnHook(text, 'f', 'initializer', { handler: 'index.initialize', timeout: 60 }));
    expect(error.field).toBe('s.yaml');
    expect(error.rule).toMatch(rule);
  });

  test('invalid YAML names the line', async () => {
    expect((await inputError(() => parseSYaml('a: [1, 2\nb: 3\n'))).rule).toMatch(/^not valid YAML at line \d/);
    // The one line ends with the source line the error points at, not the yaml package's dangling "column 4:".
    expect((await inputError(() => parseSYaml('a: 1\nc: x: y\n'))).rule).toBe('not valid YAML at line 2: Nested mappings are not allowed in compact mappings: c: x: y');
  });

  test('several fc3 resources need a choice; a wrong choice lists the right ones', async () => {
    const doc = await parseSYaml(ODD);
    expect((await inputError(() => chooseResource(doc))).rule).toBe('s.yaml has several fc3 resources (orders, site); choose one with --resource <key>');
    expect((await inputError(() => chooseResource(doc, 'nope'))).rule).toMatch(/no fc3 resource "nope"; its fc3 resources: orders, site/);
    expect(chooseResource(doc, 'site')).toBe('site');
  });

  test('a Serverless Devs 2.x file is named as such', async () => {
    expect((await inputError(async () => chooseResource(await parseSYaml('edition: 1.0.0\nservices:\n  a:\n    component: fc\n')))).rule).toMatch(/Serverless Devs 2\.x/);
  });
});
