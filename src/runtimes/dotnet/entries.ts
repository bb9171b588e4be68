// The C# family's entry rules: which entries a handler and its hooks may have, and the names they
// give. The generator checks a new project's entries with them, and add (the family's edit parts) a
// hook's entry against an existing project's handler; the build copies this module into both files
// (scripts/build.mjs), so add loads no generator.
import { ENTRY_FIELDS, type EntryKey } from '../../entry.ts';
import { fail } from '../../errors.ts';
import { FC_DOTNET_CORE_VERSION } from '../../versions.ts';
import type { EntryStrings } from '../types.ts';
import { family } from './index.ts';

// C# reserved keywords (contextual keywords such as `var` or `async` are legal identifiers).
const CS_KEYWORDS = new Set(
  ('abstract as base bool break byte case catch char checked class const continue decimal default delegate do ' +
    'double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface ' +
    'internal is lock long namespace new null object operator out override params private protected public readonly ' +
    'ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ' +
    'ulong unchecked unsafe ushort using virtual void volatile while __arglist __makeref __reftype __refvalue').split(' '),
);
const CS_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Where the local lifecycle test lives: its own project (and assembly) beside the function's. */
export const TEST_PROJECT = 'LifecycleTest';
// Types the generated class uses unqualified: a namespace or class of the same name would shadow them.
// (The test is in the global namespace and names the class in full, so nothing can shadow its types.)
// The root namespaces it names (System.IO, Aliyun.Serverless.Core, Microsoft.Extensions.Logging) are shadowed the same way.
const GENERATED_TYPE_NAMES = ['Encoding', 'IFcContext', 'JsonReader', 'MemoryStream', 'Resource', 'Stream', 'System', 'Aliyun', 'Microsoft'];
// Assemblies the function loads or the platform has: an assembly of the same name does not load beside them.
const TAKEN_ASSEMBLY = /^(system|microsoft|mscorlib|netstandard|windowsbase|aliyun\.serverless|newtonsoft)(\..*)?$/i;
// Members the generated class defines itself.
const GENERATED_MEMBERS = ['CreateResource', 'GetResource', 'Json', 'JsonObject', 'JsonReader', 'Main', 'Resource', 'ResourceLock', 'resource'];

export interface DotnetNames {
  /** Assembly (and project) name, e.g. `HelloFcApp`. */
  assembly: string;
  namespaceName: string;
  className: string;
  handler: string;
  initializer?: string;
  preStop?: string;
  /** e.g. `HelloFcApp/Hello.cs` */
  sourceFile: string;
  testProject: string;
  coreVersion: string;
}

function checkIdentifier(field: string, part: string, what: string): void {
  if (!CS_IDENTIFIER.test(part)) fail(field, `"${part}" is not a legal C# ${what} name (letters, digits or _, not starting with a digit)`);
  if (CS_KEYWORDS.has(part)) fail(field, `"${part}" is a C# keyword and cannot name a ${what}`);
}

/**
 * Parses `Assembly::Namespace.Class::Method` entries: legal C# names, one assembly and one class for
 * all three, distinct methods that do not collide with what the generated class defines.
 */
function parseDotnetEntries(entries: Partial<Record<EntryKey, string>>) {
  let owner: { assembly: string; type: string; key: EntryKey } | undefined;
  const methods: Partial<Record<EntryKey, string>> = {};
  for (const key of Object.keys(ENTRY_FIELDS) as EntryKey[]) {
    const value = entries[key];
    if (value === undefined) continue;
    const field = ENTRY_FIELDS[key];
    const parts = value.split('::');
    const [assembly = '', type = '', method = ''] = parts;
    if (parts.length !== 3 || type.lastIndexOf('.') <= 0) {
      fail(field, `"${value}" must be <Assembly>::<Namespace>.<Class>::<Method>, e.g. ${family.card.defaults[key]}`);
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(assembly)) {
      fail(field, `"${assembly}" is not a usable assembly name (letters, digits, _ and dots between names)`);
    }
    if (assembly === TEST_PROJECT) fail(field, `assembly "${TEST_PROJECT}" is the name of the generated test project; pick another`);
    if (TAKEN_ASSEMBLY.test(assembly)) fail(field, `assembly "${assembly}" has the name of a .NET or FC assembly (System*, Microsoft*, mscorlib, netstandard, Aliyun.Serverless*, Newtonsoft*); pick another`);
    const segments = type.split('.');
    const className = segments.pop()!;
    for (const segment of segments) checkIdentifier(field, segment, 'namespace');
    checkIdentifier(field, className, 'class');
    if (segments[0] === TEST_PROJECT) fail(field, `namespace "${TEST_PROJECT}" is the name of the generated test's class; pick another namespace`);
    const shadowing = [...segments, className].find((name) => GENERATED_TYPE_NAMES.includes(name));
    if (shadowing) fail(field, `"${shadowing}" would shadow a type the generated code uses (${GENERATED_TYPE_NAMES.join(', ')}); pick another name`);
    checkIdentifier(field, method, 'method');
    if (GENERATED_MEMBERS.includes(method) || method === className) {
      fail(field, `method "${method}" would clash with the class name or a member the generated code defines (${GENERATED_MEMBERS.join(', ')}); pick another method name`);
    }
    if (owner && owner.assembly !== assembly) {
      fail(field, `"${value}" names assembly ${assembly} but --${ENTRY_FIELDS[owner.key]} names ${owner.assembly}; handler and hooks must be in one assembly`);
    }
    if (owner && owner.type !== type) {
      fail(field, `"${value}" names class ${type} but --${ENTRY_FIELDS[owner.key]} names ${owner.type}; handler and hooks must be one class`);
    }
    const clash = (Object.keys(methods) as EntryKey[]).find((other) => methods[other] === method);
    if (clash) fail(field, `method "${method}" is already used by --${ENTRY_FIELDS[clash]}; each entry point needs its own method`);
    methods[key] = method;
    owner ??= { assembly, type, key };
  }
  const type = owner!.type;
  return {
    assembly: owner!.assembly,
    namespaceName: type.slice(0, type.lastIndexOf('.')),
    className: type.slice(type.lastIndexOf('.') + 1),
    handler: methods.handler!,
    ...(methods.initializer && { initializer: methods.initializer }),
    ...(methods.preStop && { preStop: methods.preStop }),
  };
}

/** Validates `Assembly::Namespace.Class::Method` entries (throws InputError naming the field) and derives the names. */
export function parseDotnetEntryNames(entries: EntryStrings): DotnetNames {
  const names = parseDotnetEntries(entries);
  return {
    ...names,
    sourceFile: `${names.assembly}/${names.className}.cs`,
    testProject: TEST_PROJECT,
    coreVersion: FC_DOTNET_CORE_VERSION,
  };
}
