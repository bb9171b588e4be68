// `create-fc-lifecycle doctor [dir] [--json]`: prints what would break the project's lifecycle hooks,
// one `file:line: severity: rule: message` line each; exit 1 when there is an error, 0 otherwise.
import { resolve } from 'node:path';
import { diagnose, formatFinding, pathFrom, relativeTo } from '../doctor/index.ts';
import { parseCommandArgs, printedHelpOrVersion } from './hook-command.ts';
import type { Io } from './main.ts';

const USAGE = `Usage: create-fc-lifecycle doctor [dir] [--json]

Reads the Serverless Devs project in dir (default: the current directory): s.yaml and the code its
fc3 resources point at, and reports what would break the Initializer and PreStop hooks at deploy or
run time, one "file:line: error|warning: rule: message" line each.

  --json         print the findings as a JSON array of {file, line, severity, rule, message}
  -h, --help     show this help
  -v, --version  show the version

Exit status: 1 when there is at least one error, 0 with warnings only or none.
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, dir } = parseCommandArgs('doctor', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } });
  if (printedHelpOrVersion(values, USAGE, io)) return 0;
  const { project, findings } = await diagnose(resolve(io.cwd, dir), dir);
  const shown = relativeTo(findings, io.cwd);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  // One write per finding: the findings of a big project, joined, could pass the longest string there can be.
  if (values.json) {
    // The same text as JSON.stringify(shown, null, 2).
    if (shown.length === 0) io.stdout('[]\n');
    else shown.forEach((finding, i) => io.stdout(`${i === 0 ? '[\n' : ''}  ${JSON.stringify(finding, null, 2).replaceAll('\n', '\n  ')}${i === shown.length - 1 ? '\n]\n' : ',\n'}`));
  } else {
    const where = `${plural(project.resources.length, 'fc3 resource')} of ${pathFrom(io.cwd, project.sYaml)}`;
    const summary = findings.length === 0
      ? `no problems found in ${where}`
      : `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')} in ${where}`;
    for (const finding of shown) io.stdout(`${formatFinding(finding)}\n`);
    io.stdout(`${summary}\n`);
  }
  return errors > 0 ? 1 : 0;
}
