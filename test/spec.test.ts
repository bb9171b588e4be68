// Validation rules of the answers -> ProjectSpec step (spec §2.2, §2.3): each bad input names its field
// and the rule; good input gets the FC3 defaults.
import { describe, expect, test } from 'vitest';
import { runtimeFamily } from '../src/runtimes/index.ts';
import { resolveSpec, RUNTIME_IDS, RUNTIMES } from '../src/runtimes/generators.ts';
import type { Answers } from '../src/spec.ts';
import { specErrorOf } from './helpers/generate.ts';


describe('defaults', () => {
  test('a bare directory gets the FC3 defaults and both hooks', () => {
    expect(resolveSpec({ dir: 'my-fn' }, '/work')).toEqual({
      targetDir: '/work/my-fn',
      runtime: 'nodejs20',
      functionName: 'my-fn',
      region: 'cn-hangzhou',
      memorySize: 512,
      timeout: 60,
      handler: 'index.handler',
      initializer: { handler: 'index.initialize', timeout: 60 },
      preStop: { handler: 'index.preStop', timeout: 60 },
    });
  });

  test('the function name defaults to the directory name, the directory to the function name', () => {
    expect(resolveSpec({ dir: 'a/b/order_sync' }, '/w').functionName).toBe('order_sync');
    expect(resolveSpec({ functionName: 'fn1' }, '/w').targetDir).toBe('/w/fn1');
  });

  test.each([
    ['my-fn.v2', 'my-fn-v2'],
    ['my fn', 'my-fn'],
    ['2024 report', 'fn-2024-report'],
    ['--x--', 'x'],
    ['函数', 'my-fc-function'],
    ['a'.repeat(70), 'a'.repeat(64)],
    [`${'b'.repeat(63)}.x`, 'b'.repeat(63)],
  ])('directory %j gives the valid function name %j', (dir, name) => {
    expect(resolveSpec({ dir }, '/w').functionName).toBe(name);
  });

  test.each<[string, string, Record<'initializer' | 'preStop', string>]>([
    ['nodejs20', 'main.handle', { initializer: 'main.initialize', preStop: 'main.preStop' }],
    ['python3.10', 'main.handle', { initializer: 'main.initialize', preStop: 'main.pre_stop' }],
    ['php7.2', 'app.handle', { initializer: 'app.initialize', preStop: 'app.preStop' }],
    ['java11', 'com.acme.Fn::handleRequest', { initializer: 'com.acme.Fn::initialize', preStop: 'com.acme.Fn::preStop' }],
    ['dotnetcore3.1', 'Acme::Acme.Fn::Handle', { initializer: 'Acme::Acme.Fn::Initialize', preStop: 'Acme::Acme.Fn::PreStop' }],
    ['go1', 'bootstrap', { initializer: 'initialize', preStop: 'preStop' }],
  ])('%s --handler %s: the default hooks move beside the handler', (runtime, handler, hooks) => {
    const spec = resolveSpec({ dir: 'x', runtime, handler }, '/w');
    expect({ initializer: spec.initializer?.handler, preStop: spec.preStop?.handler }).toEqual(hooks);
  });

  test('Python entry defaults follow PEP 8; the other languages keep their own convention', () => {
    expect(resolveSpec({ dir: 'x', runtime: 'python3.12' }, '/w').preStop?.handler).toBe('index.pre_stop');
    expect(resolveSpec({ dir: 'x', runtime: 'nodejs20' }, '/w').preStop?.handler).toBe('index.preStop');
    expect(resolveSpec({ dir: 'x', runtime: 'dotnetcore3.1' }, '/w').preStop?.handler).toMatch(/::PreStop$/);
  });

  test('numbers may come as strings (flags, prompts)', () => {
    const spec = resolveSpec({ dir: 'x', memorySize: '1024', timeout: '300', initializerTimeout: '600', preStopTimeout: ' 900 ' }, '/w');
    expect([spec.memorySize, spec.timeout, spec.initializer?.timeout, spec.preStop?.timeout]).toEqual([1024, 300, 600, 900]);
  });

  test('an empty description is no description', () => {
    expect(resolveSpec({ dir: 'x', description: '' }, '/w')).not.toHaveProperty('description');
  });
});

describe('bad input names the field and the rule', () => {
  test.each<[string, Answers, string, RegExp]>([
    ['unknown runtime lists the valid ones', { runtime: 'java99' }, 'runtime', new RegExp(`valid runtimes: ${RUNTIME_IDS.join(', ')}`)],
    ['function name starting with a digit', { functionName: '1fn' }, 'function-name', /not starting with a digit/],
    ['function name starting with -', { functionName: '-fn' }, 'function-name', /not starting with a digit or -/],
    ['function name with a dot', { functionName: 'my.fn' }, 'function-name', /letters, digits, _ or -/],
    ['function name of 65 characters', { functionName: 'a'.repeat(65) }, 'function-name', /1-64/],
    ['function name with a space, given explicitly', { dir: 'ok', functionName: 'my fn' }, 'function-name', /letters, digits, _ or -/],
    ['unknown region', { region: 'cn-atlantis' }, 'region', /valid regions: .*cn-hangzhou/],
    ['memory not a multiple of 64', { memorySize: '500' }, 'memory-size', /multiple of 64/],
    ['memory too small', { memorySize: 64 }, 'memory-size', /from 128 to 32768/],
    ['memory with a unit', { memorySize: '512MB' }, 'memory-size', /whole number/],
    ['timeout zero', { timeout: 0 }, 'timeout', /from 1 to 86400/],
    ['timeout fractional', { timeout: '1.5' }, 'timeout', /whole number/],
    ['initializer timeout too long', { initializerTimeout: 601 }, 'initializer-timeout', /from 1 to 600/],
    ['preStop timeout too long', { preStopTimeout: 901 }, 'pre-stop-timeout', /from 1 to 900/],
    ['preStop timeout negative', { preStopTimeout: '-1' }, 'pre-stop-timeout', /whole number/],
    ['a timeout for a hook that is off', { initializer: false, initializerTimeout: 30 }, 'initializer-timeout', /initializer is off/],
    ['a preStop timeout with --no-pre-stop', { preStop: false, preStopTimeout: 30 }, 'pre-stop-timeout', /preStop hook is off/],
    ['handler without a dot', { handler: 'handler' }, 'handler', /<file>\.<function>/],
    ['handler ending in a dot', { handler: 'index.' }, 'handler', /<file>\.<function>/],
    ['JavaScript keyword', { initializer: 'index.class' }, 'initializer', /reserved word in JavaScript/],
    ['JavaScript identifier with a dash', { preStop: 'index.pre-stop' }, 'pre-stop', /not a valid JavaScript function name/],
    ['hooks in another file', { initializer: 'init.initialize' }, 'initializer', /handler and hooks must be in one file/],
    ['hook reusing the handler', { preStop: 'index.handler' }, 'pre-stop', /already used by --handler/],
    ['name the generated code uses', { initializer: 'index.createResource' }, 'initializer', /used by the generated code/],
    ['Python keyword', { runtime: 'python3.10', initializer: 'index.def' }, 'initializer', /reserved word in Python/],
    ['Python module that is a keyword', { runtime: 'python3.9', handler: 'import.handler', initializer: 'import.init', preStop: 'import.stop' }, 'handler', /not a valid Python file name/],
    ['Python module with a dash', { runtime: 'python3.12', handler: 'my-mod.handler' }, 'handler', /not a valid Python file name/],
    ['PHP keyword in any case', { runtime: 'php7.2', preStop: 'index.Function' }, 'pre-stop', /reserved word in PHP/],
    ['PHP names are case-insensitive', { runtime: 'php7.2', initializer: 'index.Handler' }, 'initializer', /already used by --handler/],
    ['a path in the entry', { runtime: 'nodejs18', handler: 'src/index.handler' }, 'handler', /no directories/],
  ])('%s', (_name, answers, field, rule) => {
    const error = specErrorOf(answers);
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(rule);
    expect(`${error.field}: ${error.rule}`).not.toContain('\n');
  });

  test('legal but unusual names are accepted', () => {
    expect(() => resolveSpec({ dir: 'x', runtime: 'nodejs20', handler: 'my-app.$h', initializer: 'my-app._init', preStop: 'my-app.stop2' }, '/w')).not.toThrow();
    expect(() => resolveSpec({ dir: 'x', runtime: 'python3.10', handler: 'main.match', initializer: 'main.case', preStop: 'main._' }, '/w')).not.toThrow();
  });
});

describe('runtimeFamily', () => {
  test('every id the generator offers belongs to the family of its definition', () => {
    for (const definition of RUNTIMES) {
      for (const id of definition.ids) expect(runtimeFamily(id), id).toBe(definition.family);
    }
  });

  test('older FC ids the doctor and the hook editor still read have their family; others none', () => {
    expect(['nodejs12', 'python3', 'java8', 'dotnetcore2.1', 'custom'].map(runtimeFamily)).toEqual(['nodejs', 'python', 'java', 'dotnet', 'custom']);
    expect(['ruby2.7', 'custom.alpine', 'go', 'micro-sandbox'].map(runtimeFamily)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
