import { render } from '../../templates.ts';
import { FC_JAVA_CORE_VERSION } from '../../versions.ts';
import type { ProjectSpec } from '../../spec.ts';
import { templateData } from '../common.ts';
import { javaRecipes } from './recipes.ts';
import { defineRuntime, type PlannedFile } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';
import { parseJavaEntryNames, type JavaNames } from './entries.ts';

const PROJECT_VERSION = '1.0.0';

/** What `mvn package` builds and s.yaml deploys: the artifactId is the function name. */
function jarPath(spec: ProjectSpec): string {
  return `target/${spec.functionName}-${PROJECT_VERSION}-jar-with-dependencies.jar`;
}

/** Text for an XML comment, which may not contain `--` (nor end with `-`): a space between two dashes. */
function xmlCommentText(text: string): string {
  return text.replace(/-(?=-|$)/g, '- ');
}

/**
 * pom.xml, the class and its test, rendered from `templates/<folder>/` (`java` or `java/recipes`, whose
 * `extra` data names the client pom.xml adds).
 */
export function javaFiles(spec: ProjectSpec, names: JavaNames, folder: string, extra: Record<string, unknown>): PlannedFile[] {
  const data = {
    ...templateData(spec, names),
    artifactId: spec.functionName,
    version: PROJECT_VERSION,
    jar: jarPath(spec),
    fcJavaCoreVersion: FC_JAVA_CORE_VERSION,
    ...extra,
  };
  return [
    // The function name (and the jar named after it) appear in pom.xml's header comment, where `--` may not.
    { path: 'pom.xml', contents: render('java/pom.xml', { ...data, functionName: xmlCommentText(spec.functionName), jar: xmlCommentText(jarPath(spec)) }) },
    { path: names.sourceFile, contents: render(`${folder}/App.java`, data) },
    { path: names.testFile, contents: render(`${folder}/LifecycleTest.java`, data) },
  ];
}

/** The README's note on building: `mvn test` runs the lifecycle test, `s deploy` builds the jar first. */
export function javaBuildNote(spec: ProjectSpec, names: JavaNames): string {
  return `\`mvn test\` compiles the code and runs \`${names.packageName}.${names.testClassName}\` (with exec-maven-plugin). ` +
    `\`s deploy\` first runs \`mvn package -DskipTests\` (the pre-deploy action in s.yaml), which builds \`${jarPath(spec)}\`, the file s.yaml deploys.`;
}

export const java = defineRuntime<JavaNames>({
  ...cardFields(family),
  parseEntries: parseJavaEntryNames,
  files(spec, names) {
    return javaFiles(spec, names, 'java', {});
  },
  resource(spec) {
    return {
      props: { code: `./${jarPath(spec)}`, handler: spec.handler },
      actions: { 'pre-deploy': [{ run: 'mvn package -DskipTests', path: './' }] },
    };
  },
  readme(spec, names) {
    const interfaces = [
      'StreamRequestHandler',
      ...(spec.initializer ? ['FunctionInitializer'] : []),
      ...(spec.preStop ? ['PreStopHandler'] : []),
    ];
    return {
      files: [
        { path: names.sourceFile, about: 'the handler and hooks: one class implementing the fc-java-core interfaces' },
        { path: names.testFile, about: "plays FC's part for one instance with a fake FC context (a plain `main`, run by `mvn test`)" },
        { path: 'pom.xml', about: `Maven build: fc-java-core ${FC_JAVA_CORE_VERSION}, Java ${names.javaRelease}, and the jar with dependencies that s.yaml deploys` },
      ],
      testCommand: 'mvn test',
      notes: [
        javaBuildNote(spec, names),
        `FC calls the entry points through the interfaces the class implements (${interfaces.map((name) => `\`${name}\``).join(', ')}), ` +
          'so the method names after `::` are fixed; rename the package or class in the code and in s.yaml together.',
      ],
    };
  },
  httpTrigger: 'handler',
  recipes: javaRecipes,
});
