// The function's own environment variables (`--env KEY=VALUE`, the API's `env`): FC's rules for their
// keys, and how they join the variables the generated project sets itself (a recipe's client settings,
// a custom runtime's PATH) in s.yaml's environmentVariables.
//
// FC3's "Configure environment variables" page (alibabacloud.com/help/en/functioncompute/fc/environment-variables,
// Apr 2026) [C]: a key starts with a letter and holds only letters, digits and `_`; all variables
// together are at most 4 KB; the prefix FC_ is reserved. FC sets ALIBABA_CLOUD_ACCESS_KEY_ID,
// ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN from the function's role [C], so a
// value of ours would shadow the role's credentials or be replaced: refused [I]. The page gives no
// maximum key length (the 4 KB total bounds it) and no rule for values; the FC 2.0 page's "printable
// ASCII values" is not on the FC3 page, so values are not restricted beyond what a process environment
// and the generated tests' s.yaml line readers can hold (see checkValue).
import { typeName } from './answer-checks.ts';
import { fail } from './errors.ts';
import { oneLine } from './escape.ts';

/** FC3's key rule [C]. */
export const ENV_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Keys FC sets itself in every instance [C]. */
const SET_BY_FC = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'];
/** All variables' keys and values together, in UTF-8 bytes [C: "4 KB"; I: that key and value bytes are what counts]. */
export const ENV_MAX_BYTES = 4096;

/**
 * NUL cannot be in a process environment; the other controls are refused as in every answer, tab and
 * line breaks aside (the yaml library escapes those). It writes NEL (C1) and U+2028/U+2029 as they are,
 * and Python's splitlines, the generated tests' s.yaml line reader, ends a line at them: a value could
 * then put keys of its own (a fake instanceLifecycleConfig) in front of the reader.
 */
const REFUSED_IN_VALUE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]/;

/** A Serverless Devs `${env(NAME)}` reference in a value: `s deploy` (and `run`) fill it from the shell. */
export const ENV_REFERENCE = /\$\{\s*env\(\s*['"]?[\w.-]+['"]?\s*\)\s*\}/;

function checkKey(key: string): void {
  if (!ENV_KEY_PATTERN.test(key)) fail('env', `"${oneLine(key)}" must start with a letter and hold only letters, digits and _ (FC's key rule)`);
  if (key.startsWith('FC_')) fail('env', `${key}: the prefix FC_ is reserved by Function Compute`);
  if (SET_BY_FC.includes(key)) fail('env', `${key} is set by Function Compute from the function's role`);
}

function checkValue(key: string, value: unknown): string {
  if (typeof value !== 'string') fail('env', `${key} must have a string value, got ${typeName(value)}`);
  const refused = REFUSED_IN_VALUE.exec(value);
  if (refused) fail('env', `${key}'s value must not contain control characters other than tab and line breaks (found \\u${refused[0].charCodeAt(0).toString(16).padStart(4, '0')})`);
  return value;
}

/**
 * The `env` answer as keys and values, in the order given: `KEY=VALUE` strings (the CLI's repeated
 * flag; the value is everything after the first `=`) or an object of strings (the API). Throws
 * InputError for a pair without `=`, a key given twice, a key FC refuses or a value it cannot hold.
 */
export function resolveEnvironment(answer: unknown): Record<string, string> | undefined {
  if (answer === undefined) return undefined;
  const pairs: [string, unknown][] = Array.isArray(answer)
    ? answer.map((pair: unknown) => {
        if (typeof pair !== 'string') fail('env', `each entry must be a "KEY=VALUE" string, got ${typeName(pair)}`);
        const at = pair.indexOf('=');
        if (at < 0) fail('env', `"${oneLine(pair)}" must be KEY=VALUE (the = is missing)`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      })
    : Object.entries(answer as object);
  const environment = new Map<string, string>();
  for (const [key, value] of pairs) {
    checkKey(key);
    if (environment.has(key)) fail('env', `${key} is given twice`);
    environment.set(key, checkValue(key, value));
  }
  return environment.size > 0 ? Object.fromEntries(environment) : undefined;
}

/**
 * s.yaml's environmentVariables: the project's own variables (`generated`; `setBy` names what sets a
 * key, e.g. "the mysql recipe") in their order, then the user's new ones. A user key the project sets already is
 * refused unless its value is the same, since the generated code or server relies on the project's
 * value; the whole is refused beyond FC's 4 KB (a `${env(NAME)}` reference counted as written).
 */
export function mergeEnvironment(generated: Record<string, string>, setBy: (key: string) => string, user: Record<string, string>): Record<string, string> {
  const merged = { ...generated };
  for (const [key, value] of Object.entries(user)) {
    if (!Object.hasOwn(generated, key)) merged[key] = value;
    else if (generated[key] !== value) {
      fail('env', `${key} is set by ${setBy(key)} to ${JSON.stringify(oneLine(generated[key]!))}; give that value or leave ${key} out and edit s.yaml after generating`);
    }
  }
  const bytes = Object.entries(merged).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  if (bytes > ENV_MAX_BYTES) fail('env', `the variables take ${bytes} bytes together (keys and values); FC allows ${ENV_MAX_BYTES}`);
  return merged;
}
