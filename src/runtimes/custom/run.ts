// `run` for custom runtimes (spec §1.8): FC starts customRuntimeConfig.command plus args in the code
// directory (/code), or /code/bootstrap when no command is set, then talks HTTP to the server.
import { join } from 'node:path';
import { mapCode, serverRunner } from '../../run/server.ts';
import type { RunTarget } from '../../run/types.ts';

function startCommand(target: RunTarget): { command: string[]; from: string } {
  const config = target.resource.custom ?? {};
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const command = list(config.command);
  if (command.length === 0) return { command: [join(target.resource.code, 'bootstrap')], from: 'the code directory\'s bootstrap, FC\'s default start command' };
  return { command: mapCode([...command, ...list(config.args)], target.resource.code), from: 'customRuntimeConfig.command in s.yaml' };
}

export const customRunner = serverRunner(startCommand);
