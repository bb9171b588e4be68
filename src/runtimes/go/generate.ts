import type { ProjectSpec } from '../../spec.ts';
import { render } from '../../templates.ts';
import { FC_GO_SDK_VERSION } from '../../versions.ts';
import { templateData } from '../common.ts';
import { goRecipes } from './recipes.ts';
import { defineRuntime } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';
import { parseGoEntries, type GoNames } from './entries.ts';

// Module paths Go refuses or reads as something else: patterns and std directories (`go build` then
// says `"std" is not an importable package`), and names Windows reserves (refused on every OS).
const GO_TAKEN_MODULE = /^(std|cmd|all|go|internal|vendor|c|con|prn|aux|nul|com\d|lpt\d)$/i;

/** go.mod's module path: the function name, prefixed with `fc-` when Go would refuse the name itself. */
function goModulePath(functionName: string): string {
  return GO_TAKEN_MODULE.test(functionName) ? `fc-${functionName}` : functionName;
}

/** What the Go templates receive: the module path and the hook labels main.go's comment names. */
export function goTemplateData(spec: ProjectSpec, names: GoNames) {
  const labels = [
    ...(spec.initializer ? [`initializer: ${spec.initializer.handler}`] : []),
    ...(spec.preStop ? [`preStop: ${spec.preStop.handler}`] : []),
  ];
  return { ...templateData(spec, names), modulePath: goModulePath(spec.functionName), hasHooks: labels.length > 0, hookLabels: labels.join(', ') };
}

export const go = defineRuntime<GoNames>({
  ...cardFields(family),
  parseEntries: parseGoEntries,
  files(spec, names) {
    const data = goTemplateData(spec, names);
    return [
      { path: 'code/main.go', contents: render('go/main.go', data) },
      { path: 'code/main_test.go', contents: render('go/main_test.go', data) },
      { path: 'code/go.mod', contents: render('go/go.mod', data) },
    ];
  },
  resource(spec, names) {
    return {
      props: { code: './code/target', handler: names.binary },
      actions: {
        'pre-deploy': [
          { run: 'go mod tidy', path: './code' },
          { run: names.buildCommand, path: './code' },
        ],
      },
    };
  },
  readme(spec, names) {
    const hooks = [
      ...(spec.initializer ? [`\`initializer: ${spec.initializer.handler}\` runs the function registered with \`fc.RegisterInitializerFunction\``] : []),
      ...(spec.preStop ? [`\`preStop: ${spec.preStop.handler}\` runs the one registered with \`fc.RegisterPreStopFunction\``] : []),
    ];
    return {
      files: [
        {
          path: 'code/main.go',
          about: hooks.length > 0 ? 'the handler and hooks; `main` registers the hooks, then calls `fc.Start`' : 'the handler; `main` hands it to `fc.Start`',
        },
        { path: 'code/main_test.go', about: "plays FC's part for one instance with a fake FC context (`go test`)" },
        { path: 'code/go.mod', about: `requires github.com/aliyun/fc-runtime-go-sdk ${FC_GO_SDK_VERSION} (PreStop needs v0.1.0 or newer)` },
      ],
      // In a subshell, so the next step (`s deploy`) runs where s.yaml is.
      testCommand: '(cd code && go mod tidy && go test -v ./...)',
      notes: [
        `\`s deploy\` first runs \`go mod tidy\` and \`${names.buildCommand}\` in \`code/\` (the pre-deploy actions in s.yaml); ` +
          `FC runs the binary \`${names.binary}\` from \`code/target\`.`,
        '`go test` reads `../s.yaml` and calls a hook only when s.yaml turns it on, as FC does; it finds the hook functions in the `hooks` map of ' +
          '`main_test.go`, so list a hook you add later there. `go test -race ./...` (it needs cgo) also has Go check the locking while `TestConcurrentRequests` sends requests at once.',
        ...(hooks.length > 0
          ? [`Go dispatches hooks by type, not by name, so the hook strings in s.yaml are labels: ${hooks.join(', and ')}. ` +
            'Register the hooks before `fc.Start`: it never returns, and a hook registered after it is missing when FC calls it.']
          : []),
      ],
    };
  },
  httpTrigger: 'handler',
  recipes: goRecipes,
});
