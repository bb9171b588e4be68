// `run` for custom containers without Docker (spec §1.9): the server starts from
// customContainerConfig.entrypoint/command, else the Dockerfile's ENTRYPOINT and CMD, with the image's
// /code mapped to the folder of the Dockerfile, and gets the HTTP calls FC sends to the container.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fail } from '../../errors.ts';
import type { Project, Resource } from '../../doctor/types.ts';
import { mapCode, serverRunner } from '../../run/server.ts';
import { RunSetupError, type Runner, type RunTarget } from '../../run/types.ts';

/** The last `instruction` of a Dockerfile as a command: the JSON exec form, or the shell form run by /bin/sh -c. */
function dockerfileCommand(dockerfile: string, instruction: 'ENTRYPOINT' | 'CMD'): string[] | undefined {
  const lines = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const line = lines.reverse().find((text) => new RegExp(`^\\s*${instruction}\\s`, 'i').test(text));
  if (!line) return undefined;
  const value = line.trim().slice(instruction.length).trim();
  if (value.startsWith('[')) {
    try {
      return (JSON.parse(value) as unknown[]).map(String);
    } catch {
      throw new RunSetupError(`the Dockerfile's ${instruction} is not a valid JSON array: ${value}`);
    }
  }
  return ['/bin/sh', '-c', value];
}

function startCommand(target: RunTarget): { command: string[]; from: string } {
  const config = target.resource.custom ?? {};
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.map(String) : undefined);
  const dockerfile = readFileSync(join(target.resource.code, 'Dockerfile'), 'utf8');
  const entrypoint = list(config.entrypoint) ?? dockerfileCommand(dockerfile, 'ENTRYPOINT') ?? [];
  // Overriding the entrypoint drops the image's CMD, as docker run --entrypoint does.
  const args = list(config.command) ?? (list(config.entrypoint) ? [] : dockerfileCommand(dockerfile, 'CMD') ?? []);
  const from = list(config.entrypoint) || list(config.command) ? 'customContainerConfig in s.yaml' : "the Dockerfile's ENTRYPOINT/CMD";
  if (entrypoint.length + args.length === 0) throw new RunSetupError('the Dockerfile has no CMD or ENTRYPOINT and customContainerConfig no command: nothing starts the server');
  return { command: mapCode([...entrypoint, ...args], target.resource.code), from };
}

/** The image's /code: the folder of the Dockerfile the server starts from, code/ or the project's root. */
function dockerfileDir(project: Project, resource: Resource): string {
  const dockerfile = [join(project.root, 'code', 'Dockerfile'), join(project.root, 'Dockerfile')].find((path) => existsSync(path));
  if (!dockerfile) fail('s.yaml', `resources.${resource.key} is a custom-container with no code/Dockerfile or Dockerfile to start its server from`);
  return dirname(dockerfile);
}

export const containerRunner: Runner = { ...serverRunner(startCommand), codeDir: dockerfileDir };
