// `create-fc-lifecycle remove [dir] --initializer|--pre-stop`: switches hooks off in an existing project.
import { checkHookRequest } from '../answer-checks.ts';
import { fail } from '../errors.ts';
import { planRemoveHooks, type RemoveHooksRequest } from '../hooks/index.ts';
import { carryOut, COMMON_OPTIONS, parseCommandArgs, printedHelpOrVersion } from './hook-command.ts';
import type { Io } from './main.ts';

const USAGE = `Usage: create-fc-lifecycle remove [dir] --initializer|--pre-stop [options]

Switches hooks off in the existing Function Compute 3.0 project in dir (default: the current
directory). FC turns a deployed hook off only when s.yaml sends it empty, so the hook is not deleted
from s.yaml: its handler becomes "" (and the initializer's command []), with a comment saying why.
A command-type initializer's command is kept in that comment, so \`add --initializer\` restores it.
The hook function stays in the code, with a comment that it is switched off; nothing is deleted.
Running it again changes nothing.

  --initializer     switch the Initializer hook off
  --pre-stop        switch the PreStop hook off
  --resource <key>  the fc3 resource to change, when s.yaml has several
  --dry-run         print the changes as a diff and write nothing
  -y, --yes         never prompt (not even to confirm the diff)
  -h, --help        show this help
  -v, --version     show the version

Without --initializer or --pre-stop it asks which hooks to switch off, on a terminal only.

Example:
  create-fc-lifecycle remove . --pre-stop
`;

export async function removeCommand(argv: string[], io: Io): Promise<number> {
  const { values, dir } = parseCommandArgs('remove', argv, {
    ...COMMON_OPTIONS,
    initializer: { type: 'boolean' },
    'pre-stop': { type: 'boolean' },
  });
  if (printedHelpOrVersion(values, USAGE, io)) return 0;
  let request: RemoveHooksRequest = {
    dir,
    ...(values.resource !== undefined && { resource: values.resource }),
    initializer: values.initializer ?? false,
    preStop: values['pre-stop'] ?? false,
  };
  if (!request.initializer && !request.preStop) {
    if (values.yes || !io.interactive) {
      fail('initializer', 'name the hooks to switch off with --initializer and/or --pre-stop (remove asks only on a terminal, without --yes)');
    }
    const { askHooksToRemove } = await import('./hook-prompts.ts');
    request = await askHooksToRemove(request, io.cwd);
  }
  checkHookRequest('remove', request, io.cwd);
  const plan = await planRemoveHooks(request, io.cwd);
  return carryOut(plan, io, { dryRun: values['dry-run'] ?? false, yes: values.yes ?? false });
}
