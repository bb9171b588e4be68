// `create-fc-lifecycle doctor`: reads a project and reports what would break its lifecycle hooks.
import { relative, sep } from 'node:path';
import { oneLine } from '../escape.ts';
import { leftoverReports } from '../leftovers.ts';
import { loadProject } from '../project/load.ts';
import { rulesFor } from './rules/index.ts';
import { clearSourceCache } from '../source/disk.ts';
import type { Finding, Project } from './types.ts';

export type { Finding } from './types.ts';

/**
 * Runs every rule on every fc3 resource of the project in `dir` (absolute; `label` names it in errors);
 * findings sorted by file and line, s.yaml first.
 */
export async function diagnose(dir: string, label = dir): Promise<{ project: Project; findings: Finding[] }> {
  clearSourceCache();
  const project = await loadProject(dir, label);
  const rulesOf = await rulesFor(project);
  // The same finding from several resources is reported once, naming them when the code is shared.
  const byKey = new Map<string, { finding: Finding; resources: string[] }>();
  for (const resource of project.resources) {
    for (const rule of rulesOf(resource)) {
      for (const hit of rule.check(resource, project)) {
        const finding = { file: hit.file, line: hit.line, severity: rule.severity, rule: rule.id, message: hit.message };
        const key = JSON.stringify(finding);
        const entry = byKey.get(key) ?? byKey.set(key, { finding, resources: [] }).get(key)!;
        // Resources are checked one after another: a repeat from this one is the last it added.
        if (entry.resources.at(-1) !== resource.key) entry.resources.push(resource.key);
      }
    }
  }
  const codeOwners = resourcesByCode(project);
  const findings = [...byKey.values()].map(({ finding, resources }) =>
    sharedCode(project, codeOwners, finding.file) ? { ...finding, message: `${resources.length === 1 ? 'resource' : 'resources'} ${whose(resources)}: ${finding.message}` } : finding,
  );
  // What a killed run left: doctor only reads, so it reports them (the next add/remove/create cleans up).
  for (const { path, message } of leftoverReports(project.root)) findings.push({ file: path, line: 1, severity: 'warning', rule: 'leftover-work-file', message });
  const sYamlFirst = (file: string) => (file === project.sYaml ? '' : file);
  findings.sort((a, b) => sYamlFirst(a.file).localeCompare(sYamlFirst(b.file)) || a.line - b.line || a.rule.localeCompare(b.rule));
  return { project, findings };
}

/** At most this many resources are named in a finding; all of them in each would grow the output as resources × findings. */
const NAMED_RESOURCES = 3;

function whose(resources: string[]): string {
  const more = resources.length - NAMED_RESOURCES;
  return more > 0 ? `${resources.slice(0, NAMED_RESOURCES).join(', ')} and ${more} more` : resources.join(', ');
}

/** How many resources have each `code` path. */
function resourcesByCode(project: Project): Map<string, number> {
  const owners = new Map<string, number>();
  for (const { code } of project.resources) if (code !== undefined) owners.set(code, (owners.get(code) ?? 0) + 1);
  return owners;
}

/**
 * Whether `file` (not s.yaml) is in the code of more than one resource (its code is the file, or a
 * folder the file is under), so a finding there must say whose it is. Asked of the file's own path
 * and of each of its prefixes up to a separator, not of every resource: 1,000 resources with a
 * finding each made 1,000,000 comparisons.
 */
function sharedCode(project: Project, owners: Map<string, number>, file: string): boolean {
  if (file === project.sYaml) return false;
  let count = owners.get(file) ?? 0;
  for (let at = file.indexOf(sep); at !== -1 && count <= 1; at = file.indexOf(sep, at + 1)) count += owners.get(file.slice(0, at)) ?? 0;
  return count > 1;
}

/** A path as printed: relative to `cwd`, `/`-separated. */
export function pathFrom(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

/** Findings with paths as printed, for the text output and --json. */
export function relativeTo(findings: Finding[], cwd: string): Finding[] {
  return findings.map((finding) => ({ ...finding, file: pathFrom(cwd, finding.file) }));
}

/** `path:line: severity: rule: message`, one line each (the compiler format editors link). */
export function formatFinding(finding: Finding): string {
  // The message quotes s.yaml and code, which may hold line breaks or terminal escapes.
  return oneLine(`${finding.file}:${finding.line}: ${finding.severity}: ${finding.rule}: ${finding.message}`);
}
