// Java projects are generated to disk, compiled with javac against the fc-java-core stand-in
// (test/stubs/java: the SDK's interfaces with their exact signatures; Maven Central is out of reach
// here) and run with java: the generated lifecycle test, and a check that each s.yaml entry names a
// class implementing the interface FC calls it through.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../../src/errors.ts';
import { java } from '../../../src/runtimes/java/generate.ts';
import { resolveSpec } from '../../../src/runtimes/generators.ts';
import { generateProject, HOOK_COMBINATIONS, sYamlEntries, tempDir } from '../../helpers/generate.ts';
import { buildJavaStandIn } from '../../helpers/stand-ins.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasJavac = useToolchain('javac', ['-version'], 'apt-get install -y openjdk-17-jdk-headless');
const hasJava = useToolchain('java', ['-version'], 'apt-get install -y openjdk-17-jdk-headless');
const canRun = hasJavac && hasJava;

// Reads pom.xml with the JDK's XML parser, then loads each s.yaml entry's class and checks it the way
// FC calls it: a public class with a public no-arg constructor that implements the interface
// declaring the entry's method.
const ENTRY_CHECK = `
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class EntryCheck {
    public static void main(String[] args) throws Exception {
        int failures = 0;
        for (String arg : args) {
            String key = arg.substring(0, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (key.equals("pom")) {
                Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(value));
                XPath xpath = XPathFactory.newInstance().newXPath();
                String[][] fields = {
                    {"groupId", "/project/groupId"}, {"artifactId", "/project/artifactId"}, {"version", "/project/version"},
                    {"source", "/project/properties/maven.compiler.source"}, {"target", "/project/properties/maven.compiler.target"},
                    {"fcJavaCore", "//dependency[groupId='com.aliyun.fc.runtime' and artifactId='fc-java-core']/version"},
                    {"execMainClass", "//plugin[artifactId='exec-maven-plugin']//mainClass"},
                    {"execPhase", "//plugin[artifactId='exec-maven-plugin']//phase"},
                    {"assemblyDescriptor", "//plugin[artifactId='maven-assembly-plugin']//descriptorRef"},
                    {"assemblyPhase", "//plugin[artifactId='maven-assembly-plugin']//phase"},
                };
                for (String[] field : fields) System.out.println("pom." + field[0] + "=" + xpath.evaluate(field[1], pom));
                continue;
            }
            String[] parts = value.split("::");
            String iface = key.equals("handler") ? "StreamRequestHandler" : key.equals("initializer") ? "FunctionInitializer" : "PreStopHandler";
            Method declared = null;
            for (Method m : Class.forName("com.aliyun.fc.runtime." + iface).getMethods()) declared = m;
            String problem = null;
            try {
                Class<?> type = Class.forName(parts[0]);
                if (!Class.forName("com.aliyun.fc.runtime." + iface).isAssignableFrom(type)) problem = parts[0] + " does not implement " + iface;
                else if (!parts[1].equals(declared.getName())) problem = iface + " declares " + declared.getName() + ", not " + parts[1];
                else if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) problem = parts[0] + " is not a public concrete class";
                else type.getConstructor();
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                problem = "missing " + e.getMessage();
            }
            System.out.println(key + ": " + (problem == null ? "ok" : problem));
            if (problem != null) failures++;
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
`;

let stubClasses = '';
let checkClasses = '';
beforeAll(() => {
  if (!canRun) return;
  const dir = tempDir('fc-java-check-');
  stubClasses = buildJavaStandIn();
  checkClasses = join(dir, 'check');
  writeFileSync(join(dir, 'EntryCheck.java'), ENTRY_CHECK);
  const check = run('javac', ['-d', checkClasses, join(dir, 'EntryCheck.java')]);
  if (check.status !== 0) throw new Error(`EntryCheck does not compile:\n${check.output}`);
});

function pomFacts(root: string): Record<string, string> {
  const result = run('java', ['-cp', checkClasses, 'EntryCheck', `pom=${join(root, 'pom.xml')}`]);
  if (result.status !== 0) throw new Error(result.output);
  return Object.fromEntries(result.stdout.trim().split('\n').map((line) => line.slice(4).split(/=(.*)/s).slice(0, 2)));
}

/** javac (warnings are errors) at the Java release the pom targets; returns the classes directory. */
function compile(root: string, sourceDirs = ['src/main/java', 'src/test/java']) {
  const release = pomFacts(root).target === '1.8' ? '8' : '11';
  const out = join(tempDir('fc-java-classes-'), 'classes');
  mkdirSync(out);
  const sources = sourceDirs.flatMap((dir) => run('find', [join(root, dir), '-name', '*.java']).stdout.trim().split('\n'));
  const result = run('javac', ['-Xlint:all', '-Werror', '--release', release, '-cp', stubClasses, '-d', out, ...sources]);
  return { ...result, classpath: `${out}:${stubClasses}` };
}

function checkEntries(classpath: string, entries: Record<string, string | undefined>) {
  const args = Object.entries(entries).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
  return run('java', ['-cp', `${classpath}:${checkClasses}`, 'EntryCheck', ...args]);
}

describe.runIf(canRun).each(java.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: compiles against fc-java-core and the generated lifecycle test passes', async ({ answers }) => {
    const { root } = await generateProject({ runtime, ...answers });
    const built = compile(root);
    expect(built.status, built.output).toBe(0);
    const result = run('java', ['-cp', built.classpath, 'example.AppLifecycleTest'], { cwd: root });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(result.stdout).not.toMatch(/not ok/);
  });

  test.each(HOOK_COMBINATIONS)('$name: every s.yaml entry is a class implementing the interface FC calls', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const built = compile(root, ['src/main/java']);
    expect(built.status, built.output).toBe(0);
    const entries = sYamlEntries(plan);
    const result = checkEntries(built.classpath, entries);
    expect(result.status, result.output).toBe(0);
    const expected = [`handler: ok`];
    if ((answers as Record<string, unknown>).initializer !== false) expected.push('initializer: ok');
    if ((answers as Record<string, unknown>).preStop !== false) expected.push('preStop: ok');
    expect(result.stdout.trim().split('\n')).toEqual(expected);
  });

  test('pom.xml targets the runtime, pins fc-java-core, and builds the jar s.yaml deploys', async () => {
    const { root, plan } = await generateProject({ runtime });
    const pom = pomFacts(root);
    const version = runtime === 'java8' ? '1.8' : '11';
    expect(pom).toMatchObject({ source: version, target: version, fcJavaCore: '1.4.1', groupId: 'example', artifactId: 'my-fn' });
    expect(pom).toMatchObject({ execMainClass: 'example.AppLifecycleTest', execPhase: 'test', assemblyDescriptor: 'jar-with-dependencies', assemblyPhase: 'package' });
    const sYaml = parse(plan.files.find((f) => f.path === 's.yaml')!.contents);
    const resource = sYaml.resources['my-fn'];
    expect(resource.props.code).toBe(`./target/${pom.artifactId}-${pom.version}-${pom.assemblyDescriptor}.jar`);
    expect(resource.actions).toEqual({ 'pre-deploy': [{ run: 'mvn package -DskipTests', path: './' }] });
  });
});

describe.runIf(canRun)('custom entries and broken code', () => {
  test('a nested package and another class: files follow the entries, and the test passes', async () => {
    const entries = { handler: 'com.acme.orders.OrderFn::handleRequest', initializer: 'com.acme.orders.OrderFn::initialize', preStop: 'com.acme.orders.OrderFn::preStop' };
    const { root, plan } = await generateProject({ runtime: 'java11', ...entries });
    expect(plan.files.map((f) => f.path)).toEqual(expect.arrayContaining([
      'src/main/java/com/acme/orders/OrderFn.java',
      'src/test/java/com/acme/orders/OrderFnLifecycleTest.java',
    ]));
    expect(sYamlEntries(plan)).toEqual(entries);
    const built = compile(root);
    expect(built.status, built.output).toBe(0);
    expect(checkEntries(built.classpath, entries).status).toBe(0);
    const result = run('java', ['-cp', built.classpath, 'com.acme.orders.OrderFnLifecycleTest'], { cwd: root });
    expect(result.status, result.output).toBe(0);
  });

  test('a class that does not implement the hook interface fails to compile, fails the generated test, and fails the entry check', async () => {
    const { root, plan } = await generateProject({ runtime: 'java8' });
    const source = join(root, 'src/main/java/example/App.java');
    writeFileSync(source, readFileSync(source, 'utf8').replace(', FunctionInitializer', ''));
    const withOverride = compile(root);
    expect(withOverride.status).not.toBe(0);
    expect(withOverride.output).toMatch(/method does not override/);

    // Without @Override the class compiles, but the test finds the initializer s.yaml turns on missing...
    writeFileSync(source, readFileSync(source, 'utf8').replace('    @Override\n    public void initialize', '    public void initialize'));
    const withTest = compile(root);
    expect(withTest.status, withTest.output).toBe(0);
    const tested = run('java', ['-cp', withTest.classpath, 'example.AppLifecycleTest'], { cwd: root });
    expect(tested.status).not.toBe(0);
    expect(tested.output).toMatch(/not ok - s\.yaml turns the initializer on, and App implements FunctionInitializer/);
    // ...and the entry check refuses the class s.yaml names.
    const checked = checkEntries(withTest.classpath, sYamlEntries(plan));
    expect(checked.status).not.toBe(0);
    expect(checked.stdout).toMatch(/^initializer: example\.App does not implement FunctionInitializer$/m);
  });

  test('a hook that is on in s.yaml but missing from the code fails the checks', async () => {
    const { root, plan } = await generateProject({ runtime: 'java11' });
    expect(sYamlEntries(plan).preStop).toBe('example.App::preStop');
    const source = join(root, 'src/main/java/example/App.java');
    const code = readFileSync(source, 'utf8');
    const withoutMethod = code.slice(0, code.indexOf('    /**\n     * PreStop:')) + code.slice(code.indexOf('    private static String json'));
    writeFileSync(source, withoutMethod.replace(', PreStopHandler {', ' {').replace('import com.aliyun.fc.runtime.PreStopHandler;\n', ''));
    expect(readFileSync(source, 'utf8')).not.toMatch(/void preStop|PreStopHandler/);
    const built = compile(root);
    expect(built.status, built.output).toBe(0);
    const tested = run('java', ['-cp', built.classpath, 'example.AppLifecycleTest'], { cwd: root });
    expect(tested.status).not.toBe(0);
    expect(tested.output).toMatch(/not ok - s\.yaml turns preStop on, and App implements PreStopHandler/);
    const checked = checkEntries(built.classpath, sYamlEntries(plan));
    expect(checked.status).not.toBe(0);
    expect(checked.stdout).toMatch(/^preStop: example\.App does not implement PreStopHandler$/m);
  });

  test('a non-idempotent initializer makes the generated test fail', async () => {
    const { root } = await generateProject({ runtime: 'java11' });
    const source = join(root, 'src/main/java/example/App.java');
    const code = readFileSync(source, 'utf8');
    const guard = '            if (resource != null) {\n                return;\n            }\n';
    expect(code).toContain(guard);
    writeFileSync(source, code.replace(guard, ''));
    const built = compile(root);
    expect(built.status, built.output).toBe(0);
    const result = run('java', ['-cp', built.classpath, 'example.AppLifecycleTest'], { cwd: root });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/not ok - the handler uses what the initializer set up/);
  });
});

describe('entry validation', () => {
  const reject = (answers: Record<string, string | boolean>) => {
    try {
      resolveSpec({ runtime: 'java11', dir: 'my-fn', ...answers }, '/work');
    } catch (error) {
      if (error instanceof InputError) return `${error.field}: ${error.rule}`;
      throw error;
    }
    throw new Error('accepted');
  };

  test.each([
    [{ handler: 'App::handleRequest' }, /^handler: "App::handleRequest" must be <package>\.<Class>::<method>/],
    [{ handler: 'example.App.handleRequest' }, /^handler: .* must be <package>\.<Class>::<method>, e\.g\. example\.App::handleRequest$/],
    [{ handler: 'example.App::handleRequest::x' }, /^handler: .* must be <package>\.<Class>::<method>/],
    [{ handler: 'example.1App::handleRequest' }, /^handler: "1App" is not a legal Java class name/],
    [{ handler: 'new.App::handleRequest', initializer: false, preStop: false }, /^handler: "new" is a reserved word in Java and cannot name a package$/],
    [{ handler: 'example.class::handleRequest' }, /^handler: "class" is a reserved word in Java/],
    [{ handler: 'example.record::handleRequest' }, /^handler: "record" is a restricted identifier in Java/],
    [{ handler: 'java.fn.App::handleRequest' }, /^handler: package "java\.fn" belongs to the JDK/],
    [{ handler: 'example.Context::handleRequest' }, /^handler: class "Context" would clash/],
    [{ handler: 'example.AtomicInteger::handleRequest' }, /^handler: class "AtomicInteger" would clash/],
    [{ handler: 'example.Paths::handleRequest' }, /^handler: class "Paths" would clash/],
    [{ handler: 'example.App::handle' }, /^handler: method "handle" must be handleRequest: the class implements com\.aliyun\.fc\.runtime\.StreamRequestHandler/],
    [{ initializer: 'example.App::init' }, /^initializer: method "init" must be initialize: .*FunctionInitializer and FC calls its initialize\(Context\)$/],
    [{ preStop: 'example.App::pre_stop' }, /^pre-stop: method "pre_stop" must be preStop/],
    [{ initializer: 'example.Other::initialize' }, /^initializer: "example\.Other::initialize" names class example\.Other but --handler names example\.App; handler and hooks must be one class$/],
    [{ preStop: 'demo.App::preStop' }, /^pre-stop: .* names class demo\.App but --handler names example\.App/],
    [{ initializer: '' }, /^initializer: "" must be <package>\.<Class>::<method>/],
  ])('%o is refused', (answers, rule) => {
    expect(reject(answers)).toMatch(rule);
  });

  test('the defaults are the FC docs\' names', () => {
    expect(java.defaults).toEqual({ handler: 'example.App::handleRequest', initializer: 'example.App::initialize', preStop: 'example.App::preStop' });
  });
});
