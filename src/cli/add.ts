// `create-fc-lifecycle add [dir]`: adds Initializer/PreStop hooks to an existing project.
import { checkHookRequest } from '../answer-checks.ts';
import { fail } from '../errors.ts';
import { planAddHooks, type AddHooksRequest } from '../hooks/index.ts';
import { DEFAULTS, LIMITS } from '../spec.ts';
import { carryOut, COMMON_OPTIONS, parseCommandArgs, printedHelpOrVersion } from './hook-command.ts';
import type { Io } from './main.ts';

const range = (field: keyof typeof LIMITS) => `${LIMITS[field].min}-${LIMITS[field].max}`;

const USAGE = `Usage: create-fc-lifecycle add [dir] [options]

Adds an Initializer and/or PreStop hook to the existing Function Compute 3.0 project in dir (default:
the current directory): sets instanceLifecycleConfig in its s.yaml, keeping comments and layout, and
appends the hook function to the handler's file in the runtime's own form (Go: registered before
fc.Start; Java: the interface added to the class). What is already there is reported, not added twice,
so running it again changes nothing. Custom runtimes and containers: a server create-fc-lifecycle
generated gets the hook's route too; for another server it says which route to answer (POST
/initialize, GET /pre-stop).

  --initializer <entry>      add the Initializer hook with this entry, e.g. index.initialize
  --pre-stop <entry>         add the PreStop hook with this entry, e.g. index.preStop
  --initializer-command <sh> GPU custom containers: the initializer runs this shell command instead
                             (instanceLifecycleConfig.initializer.command, /bin/sh -c <sh>)
  --initializer-timeout <s>  ${range('initializer-timeout')} (default ${DEFAULTS.hookTimeout}, or the one s.yaml has)
  --pre-stop-timeout <s>     ${range('pre-stop-timeout')} (default ${DEFAULTS.hookTimeout}, or the one s.yaml has)
  --resource <key>           the fc3 resource to change, when s.yaml has several
  --dry-run                  print the changes as a diff and write nothing
  -y, --yes                  never prompt (not even to confirm the diff)
  -h, --help                 show this help
  -v, --version              show the version

A command-type initializer switched off by \`remove\` is remembered in its s.yaml comment:
\`add --initializer <any entry>\` restores that command (delete the comment line to get a handler instead).

Without --initializer or --pre-stop it asks which hooks to add, on a terminal only. On a terminal it
shows the diff and asks before writing, unless --yes. Nothing is written when anything cannot be
edited safely: the error says what and why.

Examples:
  create-fc-lifecycle add . --initializer index.initialize --pre-stop index.preStop
  create-fc-lifecycle add my-fn --pre-stop example.App::preStop --pre-stop-timeout 30 --dry-run
  create-fc-lifecycle add gpu-fn --initializer-command /code/warm-up.sh --initializer-timeout 300
`;

export async function addCommand(argv: string[], io: Io): Promise<number> {
  const { values, dir } = parseCommandArgs('add', argv, {
    ...COMMON_OPTIONS,
    initializer: { type: 'string' },
    'pre-stop': { type: 'string' },
    'initializer-command': { type: 'string' },
    'initializer-timeout': { type: 'string' },
    'pre-stop-timeout': { type: 'string' },
  });
  if (printedHelpOrVersion(values, USAGE, io)) return 0;
  let request: AddHooksRequest = {
    dir,
    ...(values.resource !== undefined && { resource: values.resource }),
    ...(values.initializer !== undefined && { initializer: values.initializer }),
    ...(values['pre-stop'] !== undefined && { preStop: values['pre-stop'] }),
    ...(values['initializer-command'] !== undefined && { initializerCommand: values['initializer-command'] }),
    ...(values['initializer-timeout'] !== undefined && { initializerTimeout: values['initializer-timeout'] }),
    ...(values['pre-stop-timeout'] !== undefined && { preStopTimeout: values['pre-stop-timeout'] }),
    ...(values['dry-run'] && { dryRun: true }),
  };
  if (request.initializer === undefined && request.initializerCommand === undefined && request.preStop === undefined) {
    if (values.yes || !io.interactive) {
      fail('initializer', 'name the hooks to add with --initializer <entry> and/or --pre-stop <entry> (add asks only on a terminal, without --yes)');
    }
    const { askHooksToAdd } = await import('./hook-prompts.ts');
    request = await askHooksToAdd(request, io.cwd);
  }
  checkHookRequest('add', request, io.cwd);
  const plan = await planAddHooks(request, io.cwd);
  return carryOut(plan, io, { dryRun: values['dry-run'] ?? false, yes: values.yes ?? false });
}
