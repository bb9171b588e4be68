// `create-fc-lifecycle run [dir]`: plays one FC instance of a project's function locally, without
// Docker: the Initializer, n invocations, then PreStop, with FC's log lines and timeouts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadProject } from '../project/load.ts';
import { fail } from '../errors.ts';
import { parseCommandArgs } from '../cli/hook-command.ts';
import { familyOf } from '../runtimes/index.ts';
import type { Io } from '../cli/main.ts';
import { silentListener, summaryLine, textListener, timelineJson } from './log.ts';
import { buildTarget, chooseResource } from './target.ts';
import { playInstance } from './timeline.ts';
import { RunSetupError } from './types.ts';

const USAGE = `Usage: create-fc-lifecycle run [dir] [--resource <key>] [--event <file>|-] [--invocations <n>]
                              [--no-pre-stop] [--port <n>] [--json]

Plays one Function Compute instance of the project in dir (default: the current directory) the way
FC does, without Docker: the Initializer from s.yaml (retried once when it fails, as FC retries it),
n invocations of the handler, then PreStop, each under its timeout from s.yaml, printing the lines
FC's function log shows (FC Initialize Start RequestId: ...). It never writes into the project.

  --resource <key>     the fc3 resource of s.yaml to run (needed when there are several)
  --event <file>|-     the event of every invocation: a file, or - for stdin (default {})
  --invocations <n>    how many invocations, 0-100 (default 1)
  --no-pre-stop        end without PreStop, as when FC keeps the instance
  --port <n>           custom runtimes and containers: FC_CUSTOM_LISTEN_PORT (default: the
                       customRuntimeConfig/customContainerConfig port, else 9000)
  --json               print the timeline as JSON instead of the log lines
  -h, --help           show this help

Exit status: 0 when every step succeeded, 1 when a hook or an invocation failed, 2 when a toolchain
is missing or the project is not built (one line says what to install or build).
`;

const OPTIONS = {
  resource: { type: 'string' },
  event: { type: 'string' },
  invocations: { type: 'string' },
  'no-pre-stop': { type: 'boolean' },
  port: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(field: string, text: string | undefined, min: number, max: number, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) fail(field, `must be a whole number from ${min} to ${max}, got "${text}"`);
  return Number(text);
}

async function readEvent(source: string | undefined, io: Io): Promise<string> {
  if (source === undefined) return '{}';
  if (source === '-') return io.readStdin ? io.readStdin() : readFileSync(0, 'utf8');
  try {
    return readFileSync(resolve(io.cwd, source), 'utf8');
  } catch (error) {
    fail('--event', `cannot read "${source}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, dir } = parseCommandArgs('run', argv, OPTIONS);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const invocations = wholeNumber('--invocations', values.invocations, 0, 100, 1)!;
  const port = wholeNumber('--port', values.port, 1, 65535);
  const project = await loadProject(resolve(io.cwd, dir), dir, '`run`');
  const resource = chooseResource(project, values.resource);
  const family = resource.runtime === undefined ? undefined : familyOf(resource.runtime);
  const target = buildTarget(project, resource, port, await family?.runner());
  // buildTarget refuses a resource whose runtime has no family.
  const runner = await family!.runner();
  const event = await readEvent(values.event, io);
  const workDir = mkdtempSync(join(tmpdir(), 'fc-run-'));
  try {
    await runner.prepare(target, workDir);
    const label = `${resource.key} (${target.resource.runtime})`;
    const listener = values.json ? silentListener : textListener(io.stdout, invocations);
    const timeline = await playInstance(target, runner, workDir, { event, invocations, preStop: !values['no-pre-stop'] }, listener);
    io.stdout(values.json ? timelineJson(timeline, { resource: resource.key, runtime: target.resource.runtime }) : summaryLine(timeline, label));
    return timeline.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof RunSetupError)) throw error;
    io.stderr(`error: ${error.message}\n`);
    return 2;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
