// `run` for Java (spec §1.5): the JVM loads the built jar s.yaml's code names (with fc-java-core in
// it), or target/classes plus target/dependency/*.jar (mvn dependency:copy-dependencies), and
// templates/java/run/FcRunBootstrap.java, run as a single source file (no compiler needed), creates
// the entry class and calls it through the fc-java-core interfaces.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeBootstrap } from '../../run/bootstrap.ts';
import { requireTool, startBootstrap } from '../../run/child.ts';
import { rootUntilBuilt } from '../../run/target.ts';
import { RunSetupError, type Runner, type RunTarget } from '../../run/types.ts';

function classpath(target: RunTarget): string {
  const declared = target.resource.declaredCode;
  if (declared?.endsWith('.jar') && existsSync(declared)) return declared;
  const classes = join(target.root, 'target', 'classes');
  if (existsSync(classes)) return `${classes}:${join(target.root, 'target', 'dependency', '*')}`;
  const jar = declared?.endsWith('.jar') ? `no built jar ${declared}` : 'no built jar';
  throw new RunSetupError(`${jar} and no target/classes: build the project first (mvn package)`);
}

export const javaRunner: Runner = {
  // The code is the built jar, which may not be built yet: prepare says what to build.
  codeDir: rootUntilBuilt,
  async prepare(target) {
    requireTool('java', 'a JDK or JRE 11 or newer (java on PATH)', ['-version']);
    classpath(target);
  },
  async start(target, workDir, log) {
    const bootstrap = await writeBootstrap('java', 'FcRunBootstrap.java', workDir);
    return startBootstrap(['java', '-cp', classpath(target), bootstrap], { cwd: target.resource.code, env: target.env, entries: target.entries }, log);
  },
};
