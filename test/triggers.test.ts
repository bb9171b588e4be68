// `--trigger event|http`: the shared part. The http s.yaml entry is valid against the vendored fc3 schema
// (its config against the HTTP trigger's own definition, since the schema's anyOf over every trigger
// type would let a wrong config through), printed by the small writer exactly as by the yaml library,
// and bad or unsupported answers are refused with one line. The per-family handlers are run in the
// families' own tests.
import { readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { main, type Io } from '../src/cli/main.ts';
import { helpText } from '../src/cli/help.ts';
import { resolveSpec, RUNTIMES } from '../src/runtimes/generators.ts';
import { entryStrings, type Answers } from '../src/spec.ts';
import { sYamlContent } from '../src/s-yaml.ts';
import { printYamlDocument } from '../src/s-yaml-document.ts';
import { writeYaml } from '../src/s-yaml-writer.ts';
import { runtimeFor } from '../src/runtimes/generators.ts';
import { HTTP_METHODS } from '../src/triggers.ts';
import { fc3Schema, fc3SchemaErrors } from './helpers/fc3-schema.ts';
import { HOOK_COMBINATIONS, planFor, specErrorOf, tempDir } from './helpers/generate.ts';

/** Every runtime id: each family writes the HTTP trigger. */
const HTTP_RUNTIMES = RUNTIMES.flatMap((definition) => definition.ids);

const sYamlOf = async (answers: Answers) => (await planFor(answers)).files.find((f) => f.path === 's.yaml')!.contents;
const propsOf = (text: string) => (Object.values(parse(text).resources)[0] as { props: Record<string, any> }).props;

/** The schema's own definition of an HTTP trigger's config, compiled on its own. */
function httpConfigErrors(config: unknown): string[] {
  const schema = fc3Schema();
  const check = new Ajv({ allErrors: true, strict: false }).compile({ ...schema.definitions.IHttpTriggerConfig, definitions: schema.definitions });
  return check(config) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('s.yaml with --trigger http', () => {
  test.each(HTTP_RUNTIMES)('%s: one fc3 http trigger, anonymous, the API methods, valid against the schema', async (runtime) => {
    const text = await sYamlOf({ runtime, trigger: 'http' });
    expect(fc3SchemaErrors(text)).toEqual([]);
    const { triggers } = propsOf(text);
    expect(triggers).toEqual([{ triggerName: 'httpTrigger', triggerType: 'http', triggerConfig: { authType: 'anonymous', methods: [...HTTP_METHODS] } }]);
    expect(httpConfigErrors(triggers[0].triggerConfig)).toEqual([]);
    // The comment above says what to change for auth.
    expect(text).toMatch(/# .*authType anonymous lets anyone with the URL call it\. For signed requests set authType: function\n/);
    expect(text).toMatch(/# .*authType: jwt and add authConfig/);
  });

  test.each(HTTP_RUNTIMES.flatMap((runtime) => HOOK_COMBINATIONS.map((combination) => [runtime, combination.name, combination.answers] as const)))(
    '%s, %s: valid against the fc3 schema',
    async (runtime, _, hooks) => {
      expect(fc3SchemaErrors(await sYamlOf({ runtime, trigger: 'http', ...hooks }))).toEqual([]);
    },
  );

  test('the HTTP config check catches a wrong method or auth type', () => {
    expect(httpConfigErrors({ authType: 'anonymous', methods: ['FETCH'] }).join()).toMatch(/methods\/0 must be equal to one of the allowed values/);
    expect(httpConfigErrors({ authType: 'open', methods: ['GET'] }).join()).toMatch(/authType must be equal to one of the allowed values/);
  });

  test.each(HTTP_RUNTIMES.flatMap((runtime) => HOOK_COMBINATIONS.map((combination) => [runtime, combination.name, combination.answers] as const)))(
    '%s, %s: the writer prints it byte for byte as the yaml library',
    async (runtime, _, hooks) => {
      const spec = resolveSpec({ dir: 'my-fn', runtime, trigger: 'http', ...hooks }, '/work');
      const definition = runtimeFor(runtime);
      const { data, header, commentRoot, comments } = sYamlContent(spec, definition.resource(spec, definition.parseEntries(entryStrings(spec), runtime)));
      const written = writeYaml(data, header, commentRoot, comments);
      expect(written).toBeDefined();
      expect(written).toBe(printYamlDocument(data, header, commentRoot, comments));
    },
  );

  test('--trigger event (the default) writes no triggers', async () => {
    for (const runtime of HTTP_RUNTIMES) {
      expect(await sYamlOf({ runtime, trigger: 'event' })).toBe(await sYamlOf({ runtime }));
      expect(propsOf(await sYamlOf({ runtime }))).not.toHaveProperty('triggers');
    }
  });
});

describe('refused answers', () => {
  test('an unknown trigger, or one of the wrong type', () => {
    expect(specErrorOf({ trigger: 'timer' })).toEqual({ field: 'trigger', rule: 'unknown trigger "timer"; valid triggers: event, http' });
    expect(specErrorOf({ trigger: true as unknown as string }).field).toBe('trigger');
  });

  test('a handler reading the HTTP event is written with the stand-in resource only: --recipe with --trigger http is refused there', () => {
    for (const definition of RUNTIMES.filter((d) => d.httpTrigger === 'handler' && d.recipes?.mysql)) {
      const runtime = definition.ids.at(-1)!;
      expect(specErrorOf({ runtime, recipe: 'mysql', trigger: 'http' })).toEqual({
        field: 'trigger',
        rule: `http is not written with --recipe mysql for ${runtime} yet; use the default trigger (event) with it`,
      });
    }
  });

  test('the HTTP handler is written in JavaScript only: --language typescript with --trigger http is refused on nodejs18/20', () => {
    for (const runtime of ['nodejs18', 'nodejs20']) {
      expect(specErrorOf({ runtime, language: 'typescript', trigger: 'http' })).toEqual({
        field: 'trigger',
        rule: `http is not written in TypeScript for ${runtime} yet; use --language javascript with it, or the default trigger (event)`,
      });
    }
  });

  test('the TypeScript node server is an HTTP server already: --trigger http adds the trigger', async () => {
    const text = await sYamlOf({ runtime: 'custom.debian10', server: 'node', language: 'typescript', trigger: 'http' });
    expect(propsOf(text).triggers[0].triggerType).toBe('http');
    expect(fc3SchemaErrors(text)).toEqual([]);
  });

  test('custom runtimes are HTTP servers already: a recipe goes with --trigger http', async () => {
    const text = await sYamlOf({ runtime: 'custom.debian12', recipe: 'redis', trigger: 'http' });
    expect(propsOf(text).triggers[0].triggerType).toBe('http');
    expect(fc3SchemaErrors(text)).toEqual([]);
  });

  test('the CLI: one error line, exit 1, nothing written', async () => {
    const cwd = tempDir('fc-trigger-');
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false, cwd };
    expect(await main(['fn', '--trigger', 'cron', '--yes'], io)).toBe(1);
    expect(stderr).toBe('error: trigger: unknown trigger "cron"; valid triggers: event, http\n');
    expect(stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('--help names the flag and its default', async () => {
    expect(await helpText()).toMatch(/\n {6}--trigger <event\|http> {5}what calls the function \(default event\): http adds an HTTP\n/);
  });
});
