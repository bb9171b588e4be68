import { DEFAULT_REGION } from '../regions.ts';
import { GPU_CARDS, GPU_MEMORY, GPU_TYPES } from '../runtimes/container/gpu.ts';
import { custom, serversFor } from '../runtimes/custom/generate.ts';
import { RECIPES, DEFAULT_RECIPE } from '../recipes.ts';
import { DEFAULT_TRIGGER, TRIGGERS } from '../triggers.ts';
import { allGenerators } from '../runtimes/index.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, offersTypeScript } from '../languages.ts';
import { DEFAULT_DIR, DEFAULT_RUNTIME, DEFAULTS, LIMITS } from '../spec.ts';

const range = (field: keyof typeof LIMITS) => `${LIMITS[field].min}-${LIMITS[field].max}`;

/** The --help text, built from the same data the validation uses (it loads every generator). */
export async function helpText(): Promise<string> {
  const generators = await allGenerators();
  const typeScriptOn = generators.flatMap((r) => r.ids.filter((id) => offersTypeScript(r, { server: 'node' }, id)).map((id) => (r.options?.keys.includes('server') ? `${id} --server node` : id))).join(', ');
  const nodeRuntimes = custom.ids.filter((id) => serversFor(id).includes('node')).join(' and ');
  // Columns padded to the longest label and id list, so every row lines up.
  const labelWidth = Math.max(...generators.map((r) => r.label.length));
  const idsWidth = Math.max(...generators.map((r) => r.ids.join(', ').length));
  const runtimes = generators.map((r) => `  ${r.label.padEnd(labelWidth)}  ${r.ids.join(', ').padEnd(idsWidth)}  (entries: ${r.defaults.handler}, ${r.defaults.initializer}, ${r.defaults.preStop})`);
  return `Usage: create-fc-lifecycle [dir] [options]

Writes a Function Compute 3.0 project whose Initializer and PreStop hooks are wired in both the
code and s.yaml (Serverless Devs, component fc3), with a local test that runs them.

Runtimes:
${runtimes.join('\n')}

Options (each mirrors the s.yaml field of the same name):
  -r, --runtime <id>             FC runtime id (default ${DEFAULT_RUNTIME})
      --function-name <name>     functionName (default: the directory's name)
      --region <id>              region (default ${DEFAULT_REGION})
      --description <text>       description
      --memory-size <MB>         memorySize, multiple of 64, ${range('memory-size')} (default ${DEFAULTS.memorySize})
      --timeout <s>              timeout, ${range('timeout')} (default ${DEFAULTS.timeout})
      --handler <entry>          handler entry string, as written in s.yaml
      --initializer <entry>      instanceLifecycleConfig.initializer.handler
      --pre-stop <entry>         instanceLifecycleConfig.preStop.handler
      --no-initializer           leave the Initializer hook out
      --no-pre-stop              leave the PreStop hook out
      --initializer-timeout <s>  ${range('initializer-timeout')} (default ${DEFAULTS.hookTimeout})
      --pre-stop-timeout <s>     ${range('pre-stop-timeout')} (default ${DEFAULTS.hookTimeout})
      --server <flask|node>      custom runtimes: the HTTP server to write (default flask; node only
                                 on ${nodeRuntimes}, which have Node.js built in)
      --gpu <type>               custom-container: gpuConfig.gpuType, one of ${GPU_TYPES.join(', ')}
      --gpu-memory-size <MB>     gpuConfig.gpuMemorySize, multiple of ${GPU_MEMORY.multipleOf}, from ${GPU_MEMORY.min} (the default)
                                 up to the card's: ${GPU_TYPES.map((type) => `${GPU_CARDS[type]!.maxMemory} on ${type.replace('fc.gpu.', '')}`).join(', ')}
      --initializer-command <sh> with --gpu: instanceLifecycleConfig.initializer.command, run as
                                 /bin/sh -c <sh> instead of a handler (e.g. /code/warm-up.sh)
      --language <${LANGUAGES.join('|')}>
                                 ${DEFAULT_LANGUAGE} (default), or typescript: src/*.ts built into code/ by
                                 esbuild before deploy, on ${typeScriptOn}
      --recipe <${RECIPES.join('|')}>  what the initializer opens and preStop closes: a MySQL pool or
                                 connection, a Redis client, or a stand-in (default ${DEFAULT_RECIPE})
      --env <KEY=VALUE>          environmentVariables; repeat for more. KEY: a letter, then letters,
                                 digits or _, not FC_*; a value \${env(NAME)} stays a reference that
                                 s deploy fills from your shell
      --trigger <${TRIGGERS.join('|')}>     what calls the function (default ${DEFAULT_TRIGGER}): http adds an HTTP
                                 trigger to s.yaml, and built-in runtimes get a handler that reads
                                 FC3's HTTP event and returns {statusCode, headers, body}
  -y, --yes                      never prompt; defaults for everything not given
      --force                    write into a non-empty directory, overwriting only generated files
      --dry-run                  print the file plan and write nothing
      --list [--json]            print the runtimes, recipes and defaults (as JSON with --json)
  -h, --help                     show this help
  -v, --version                  show the version

Without --yes, and when stdin is a terminal, it asks for what was not given. The directory
defaults to ${DEFAULT_DIR}. Bad input prints "error: <field>: <rule>" and exits 1 with nothing written.

Commands for an existing project (each has its own --help):
  add [dir] --initializer <entry> --pre-stop <entry>   add hooks to its code and s.yaml
  remove [dir] --initializer|--pre-stop                switch hooks off (s.yaml sends them empty)
  doctor [dir] [--json]                                report what would break its hooks (exit 1 on an error)
  run [dir] [--event <file>|-] [--invocations <n>]     play one FC instance locally: initializer, invocations,
                                                       preStop, with FC's log lines (exit 1 on a failure)

Examples:
  npm create fc-lifecycle@latest my-fn -- --runtime python3.10 --yes
  create-fc-lifecycle my-fn -r nodejs20 --initializer index.init --no-pre-stop --yes
`;
}
