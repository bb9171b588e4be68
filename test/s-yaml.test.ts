import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { fc3Schema, fc3SchemaErrors, GPU_TYPES_BEYOND_SCHEMA } from './helpers/fc3-schema.ts';
import { HOOK_COMBINATIONS, planFor } from './helpers/generate.ts';

const sYamlOf = async (answers: Parameters<typeof planFor>[0]) => (await planFor(answers)).files.find((f) => f.path === 's.yaml')!.contents;
const propsOf = (text: string) => {
  const doc = parse(text);
  const [resource] = Object.values(doc.resources) as { component: string; props: Record<string, any> }[];
  return { doc, resource: resource!, props: resource!.props };
};

describe('s.yaml', () => {
  test('the schema allowance is only what the vendored schema lags on', () => {
    // When a refresh of test/fixtures/fc3-schema brings fc.gpu.ada.1 in, this fails: drop the allowance.
    const gpuTypes: string[] = fc3Schema().definitions.IGpuConfig.properties.gpuType.enum;
    expect(gpuTypes).toEqual(['fc.gpu.ampere.1', 'fc.gpu.tesla.1']);
    for (const type of GPU_TYPES_BEYOND_SCHEMA) expect(gpuTypes).not.toContain(type);
  });

  for (const definition of RUNTIMES) {
    for (const runtime of definition.ids) {
      test.each(HOOK_COMBINATIONS)(`${runtime}, $name: valid against the fc3 component schema`, async ({ answers }) => {
        expect(fc3SchemaErrors(await sYamlOf({ runtime, ...answers }))).toEqual([]);
      });
    }
  }

  test('the schema check catches a broken s.yaml', async () => {
    const text = (await sYamlOf({ runtime: 'python3.10' })).replace('memorySize: 512', 'memorySize: 100').replace('timeout: 60\n', 'timeout: 0\n');
    const errors = fc3SchemaErrors(text);
    expect(errors.join('\n')).toMatch(/memorySize/);
    expect(errors.join('\n')).toMatch(/timeout/);
  });

  test('edition 3.0.0, component fc3, region through vars', async () => {
    const { doc, resource, props } = propsOf(await sYamlOf({ runtime: 'nodejs20', region: 'ap-southeast-1' }));
    expect(doc.edition).toBe('3.0.0');
    expect(resource.component).toBe('fc3');
    expect(doc.vars.region).toBe('ap-southeast-1');
    expect(props.region).toBe('${vars.region}');
  });

  test('the lifecycle comments say what fc3 does today (spec "Corrections")', async () => {
    const text = await sYamlOf({ runtime: 'nodejs20' });
    const comment = text.split('\n').filter((line) => /^\s+#/.test(line)).map((line) => line.replace(/^\s+# ?/, '')).join(' ');
    // A missing timeout: the deployed function's, or 3 s when it has none.
    expect(comment).toContain("when it is missing, fc3 sends the deployed function's current hook timeout, or 3 seconds when it has none.");
    // A deleted hook: current fc3 clears it; the empty handler works with every version.
    expect(comment).toContain('set its handler to "": that works with every fc3 version (current fc3 also clears a hook whose key is deleted; versions before Dec 2023 leave it on).');
    const gpu = await sYamlOf({ runtime: 'custom-container', gpu: 'fc.gpu.tesla.1', initializerCommand: '/code/warm-up.sh' });
    expect(gpu).toMatch(/set command to \[\], which\n\s+# works with every fc3 version/);
    expect(`${text}${gpu}`).not.toMatch(/fc3 sends 3 seconds|do not\s+(#\s+)?just delete it/);
  });

  test('every configured hook has a handler and a timeout; hooks that are off are absent', async () => {
    const both = propsOf(await sYamlOf({ runtime: 'python3.12', initializerTimeout: 30, preStopTimeout: '45' })).props;
    expect(both.instanceLifecycleConfig).toEqual({
      initializer: { handler: 'index.initialize', timeout: 30 },
      preStop: { handler: 'index.pre_stop', timeout: 45 },
    });
    expect(propsOf(await sYamlOf({ runtime: 'php7.2', initializer: false })).props.instanceLifecycleConfig).toEqual({
      preStop: { handler: 'index.preStop', timeout: 60 },
    });
    expect(propsOf(await sYamlOf({ runtime: 'php7.2', initializer: false, preStop: false })).props).not.toHaveProperty('instanceLifecycleConfig');
  });

  test.each([
    'plain text',
    'colon: and # hash',
    "quotes ' and \" and \\ backslash",
    'yes',
    'true',
    '0123',
    '${vars.region} is not expanded by us',
    '- dash first',
    '{ not: a map }',
    '多语言 描述 ✓',
    'line one\nline two',
    ' leading and trailing spaces ',
    '@at *star &amp !bang %percent `tick`',
  ])('description %j round-trips exactly', async (description) => {
    expect(propsOf(await sYamlOf({ runtime: 'nodejs18', description })).props.description).toBe(description);
  });

  test('function names that YAML would read as other types stay strings', async () => {
    for (const functionName of ['true', 'null', 'no', 'on', '_1e3', 'Infinity']) {
      const { doc, props } = propsOf(await sYamlOf({ runtime: 'nodejs20', functionName }));
      expect(props.functionName).toBe(functionName);
      expect(doc.name).toBe(functionName);
      expect(Object.keys(doc.resources)).toEqual([functionName]);
    }
  });
});
