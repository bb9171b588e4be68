// The Java family's entry rules: which entries a handler and its hooks may have, and the names they
// give. The generator checks a new project's entries with them, and add (the family's edit parts) a
// hook's entry against an existing project's handler; the build copies this module into both files
// (scripts/build.mjs), so add loads no generator.
import { ENTRY_FIELDS, type EntryKey } from '../../entry.ts';
import { fail } from '../../errors.ts';
import type { EntryStrings } from '../types.ts';

// Java keywords and literals (`_` is a keyword since Java 9).
const JAVA_KEYWORDS = new Set(
  ('abstract assert boolean break byte case catch char class const continue default do double else enum extends ' +
    'final finally float for goto if implements import instanceof int interface long native new package private ' +
    'protected public return short static strictfp super switch synchronized this throw throws transient try void ' +
    'volatile while true false null _').split(' '),
);
// Restricted identifiers: legal names in general, but not for a class (Java 10-17).
const JAVA_RESTRICTED_TYPE_NAMES = new Set(['var', 'yield', 'record', 'sealed', 'permits']);
// `$` is legal Java but meant for generated code, and the package also names the Maven groupId: left out.
const JAVA_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Packages of the JDK's modules and their subpackages (java.base's java.*, java.sql's javax.sql, java.xml's
// org.w3c.dom and org.xml.sax, jdk.internal, ...): javac 9+ refuses a class in a package another module
// has, and java.* is refused by every class loader. Whole prefixes, so new JDK packages are covered too.
const JDK_PACKAGES = ['java', 'javax', 'jdk', 'sun', 'com.sun', 'org.w3c.dom', 'org.xml.sax', 'org.ietf.jgss', 'org.omg', 'netscape.javascript'];
// Simple names the generated class and its test import or use unqualified (JsonReader: the HTTP handler's nested reader): a class of the same name
// in the package would shadow them and not compile.
const GENERATED_TYPE_NAMES = [
  'Answer', 'ArrayList', 'AssertionError', 'AtomicInteger', 'ByteArrayInputStream', 'ByteArrayOutputStream', 'Class',
  'Context', 'Credentials', 'Files', 'FunctionComputeLogger', 'FunctionInitializer', 'FunctionParam',
  'InputStream', 'IOException', 'List', 'Object', 'OutputStream', 'Override', 'Paths', 'PreStopHandler', 'Proxy',
  'JsonReader', 'Resource', 'StandardCharsets', 'StreamRequestHandler', 'String', 'System', 'UnsupportedOperationException',
];

/** The interface method FC calls for each entry: the class implements the interface, so the name is fixed. */
const INTERFACE_METHODS: Record<EntryKey, { method: string; iface: string; signature: string }> = {
  handler: { method: 'handleRequest', iface: 'StreamRequestHandler', signature: 'handleRequest(InputStream, OutputStream, Context)' },
  initializer: { method: 'initialize', iface: 'FunctionInitializer', signature: 'initialize(Context)' },
  preStop: { method: 'preStop', iface: 'PreStopHandler', signature: 'preStop(Context)' },
};

export interface JavaNames {
  /** e.g. `example` */
  packageName: string;
  /** e.g. `App` */
  className: string;
  /** Source path of the class, e.g. `src/main/java/example/App.java`. */
  sourceFile: string;
  testClassName: string;
  testFile: string;
  /** maven.compiler.source/target: `1.8` or `11`. */
  javaVersion: string;
  /** The same as a release number: `8` or `11`. */
  javaRelease: string;
}

function checkIdentifier(field: string, part: string, what: string): void {
  if (!JAVA_IDENTIFIER.test(part)) {
    fail(field, `"${part}" is not a legal Java ${what} name (letters, digits or _, not starting with a digit)`);
  }
  if (JAVA_KEYWORDS.has(part)) fail(field, `"${part}" is a reserved word in Java and cannot name a ${what}`);
}

/**
 * Parses `package.Class::method` entries: legal Java names, one class for all three, and the method of
 * the interface FC calls through (StreamRequestHandler, FunctionInitializer, PreStopHandler).
 */
function parseJavaEntries(entries: Partial<Record<EntryKey, string>>): { packageName: string; className: string } {
  let owner: { qualified: string; key: EntryKey } | undefined;
  for (const key of Object.keys(ENTRY_FIELDS) as EntryKey[]) {
    const value = entries[key];
    if (value === undefined) continue;
    const field = ENTRY_FIELDS[key];
    const expected = INTERFACE_METHODS[key];
    const parts = value.split('::');
    const qualified = parts[0] ?? '';
    const dot = qualified.lastIndexOf('.');
    if (parts.length !== 2 || dot <= 0) {
      fail(field, `"${value}" must be <package>.<Class>::<method>, e.g. example.App::${expected.method}`);
    }
    const packageParts = qualified.slice(0, dot).split('.');
    for (const part of packageParts) checkIdentifier(field, part, 'package');
    const packageName = qualified.slice(0, dot);
    if (JDK_PACKAGES.some((jdk) => packageName === jdk || packageName.startsWith(`${jdk}.`))) {
      fail(field, `package "${packageName}" belongs to the JDK (${JDK_PACKAGES.join(', ')}: a class there does not compile or load); pick another package`);
    }
    const className = qualified.slice(dot + 1);
    checkIdentifier(field, className, 'class');
    if (JAVA_RESTRICTED_TYPE_NAMES.has(className)) fail(field, `"${className}" is a restricted identifier in Java and cannot name a class`);
    if (GENERATED_TYPE_NAMES.includes(className)) {
      fail(field, `class "${className}" would clash with a type the generated code uses; pick another class name`);
    }
    const method = parts[1]!;
    checkIdentifier(field, method, 'method');
    if (method !== expected.method) {
      fail(field, `method "${method}" must be ${expected.method}: the class implements com.aliyun.fc.runtime.${expected.iface} and FC calls its ${expected.signature}`);
    }
    if (owner && owner.qualified !== qualified) {
      fail(field, `"${value}" names class ${qualified} but --${ENTRY_FIELDS[owner.key]} names ${owner.qualified}; handler and hooks must be one class`);
    }
    owner ??= { qualified, key };
  }
  const qualified = owner!.qualified;
  const dot = qualified.lastIndexOf('.');
  return { packageName: qualified.slice(0, dot), className: qualified.slice(dot + 1) };
}

/** Validates `package.Class::method` entries for `runtime` (throws InputError naming the field) and derives the names. */
export function parseJavaEntryNames(entries: EntryStrings, runtime: string): JavaNames {
  const { packageName, className } = parseJavaEntries(entries);
  const packageDir = packageName.replaceAll('.', '/');
  return {
    packageName,
    className,
    sourceFile: `src/main/java/${packageDir}/${className}.java`,
    testClassName: `${className}LifecycleTest`,
    testFile: `src/test/java/${packageDir}/${className}LifecycleTest.java`,
    javaVersion: runtime === 'java8' ? '1.8' : '11',
    javaRelease: runtime === 'java8' ? '8' : '11',
  };
}
