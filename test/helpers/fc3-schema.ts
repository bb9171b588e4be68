import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/** The fc3 component's own JSON schema for props, vendored in test/fixtures/fc3-schema/ (source and commit in its README). */
export const FC3_SCHEMA_PATH = fileURLToPath(new URL('../fixtures/fc3-schema/schema.json', import.meta.url));

/**
 * GPU types the FC3 API takes that the vendored schema's enum lags behind on (spec "Corrections": the
 * API's GPUConfig lists fc.gpu.ada.1). Only these are added; every other value is checked as the schema says.
 */
export const GPU_TYPES_BEYOND_SCHEMA = ['fc.gpu.ada.1'];

/** The vendored schema as it is, parsed. */
export function fc3Schema(): { definitions: Record<string, any> } {
  return JSON.parse(readFileSync(FC3_SCHEMA_PATH, 'utf8'));
}

let validate: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!validate) {
    const schema = fc3Schema();
    schema.definitions.IGpuConfig.properties.gpuType.enum.push(...GPU_TYPES_BEYOND_SCHEMA);
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validate;
}

/** Replaces `${vars.x}` the way Serverless Devs does before a component sees its props. */
function resolveVars(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{vars\.([\w-]+)\}$/.exec(value);
    if (whole) return vars[whole[1]!];
    return value.replace(/\$\{vars\.([\w-]+)\}/g, (_, key: string) => String(vars[key]));
  }
  if (Array.isArray(value)) return value.map((item) => resolveVars(item, vars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveVars(v, vars)]));
  }
  return value;
}

/** Validates every fc3 resource's props in an s.yaml text; returns the schema errors (empty when valid). */
export function fc3SchemaErrors(sYaml: string): string[] {
  const doc = parse(sYaml) as { vars?: Record<string, unknown>; resources: Record<string, { component: string; props: unknown }> };
  const errors: string[] = [];
  for (const [name, resource] of Object.entries(doc.resources)) {
    if (resource.component !== 'fc3') continue;
    const check = validator();
    if (!check(resolveVars(resource.props, doc.vars ?? {}))) {
      errors.push(...(check.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`));
    }
  }
  return errors;
}
