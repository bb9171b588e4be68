import { render } from '../../templates.ts';
import type { ProjectSpec } from '../../spec.ts';
import { FC_DOTNET_CORE_VERSION } from '../../versions.ts';
import { templateData } from '../common.ts';
import { dotnetRecipes } from './recipes.ts';
import { defineRuntime, type PlannedFile } from '../types.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';
import { parseDotnetEntryNames, TEST_PROJECT, type DotnetNames } from './entries.ts';

/**
 * The function's and the test's projects, their sources rendered from `templates/<folder>/` (`dotnet` or
 * `dotnet/recipes`, whose `extra` data names the client the csproj adds).
 */
export function dotnetFiles(spec: ProjectSpec, names: DotnetNames, folder: string, extra: Record<string, unknown>): PlannedFile[] {
  const data = {
    ...templateData(spec, names),
    initializerTimeout: spec.initializer?.timeout ?? 0,
    ...extra,
  };
  const ignore = render('dotnet/gitignore', data);
  return [
    { path: `${names.assembly}/${names.assembly}.csproj`, contents: render('dotnet/App.csproj', data) },
    { path: names.sourceFile, contents: render(`${folder}/App.cs`, data) },
    { path: `${names.assembly}/.gitignore`, contents: ignore },
    { path: `${TEST_PROJECT}/${TEST_PROJECT}.csproj`, contents: render('dotnet/LifecycleTest.csproj', data) },
    { path: `${TEST_PROJECT}/${TEST_PROJECT}.cs`, contents: render(`${folder}/LifecycleTest.cs`, data) },
    { path: `${TEST_PROJECT}/.gitignore`, contents: ignore },
  ];
}

/** The README's note on what `s deploy` builds and why the assembly name must stay. */
export function dotnetPublishNote(names: DotnetNames): string {
  return `\`s deploy\` first runs \`dotnet publish -c Release -o ./target\` in \`${names.assembly}/\` (the pre-deploy action in s.yaml); ` +
    `FC loads the assembly \`${names.assembly}\` from \`${names.assembly}/target\`, so the part before the first \`::\` of each entry in s.yaml must stay the csproj's \`AssemblyName\`.`;
}

export const dotnet = defineRuntime<DotnetNames>({
  ...cardFields(family),
  parseEntries: parseDotnetEntryNames,
  files(spec, names) {
    return dotnetFiles(spec, names, 'dotnet', {});
  },
  resource(spec, names) {
    return {
      props: { code: `./${names.assembly}/target`, handler: spec.handler },
      actions: { 'pre-deploy': [{ run: 'dotnet publish -c Release -o ./target', path: `./${names.assembly}` }] },
    };
  },
  readme(_spec, names) {
    return {
      files: [
        { path: names.sourceFile, about: `the handler and hooks: public methods of \`${names.namespaceName}.${names.className}\` taking an \`IFcContext\`` },
        { path: `${names.assembly}/${names.assembly}.csproj`, about: `the function: netcoreapp3.1, Aliyun.Serverless.Core ${FC_DOTNET_CORE_VERSION}, assembly \`${names.assembly}\`` },
        { path: `${TEST_PROJECT}/${TEST_PROJECT}.cs`, about: `plays FC's part for one instance with a fake \`IFcContext\` (a console program that references the function's project)` },
      ],
      testCommand: `dotnet run --project ${TEST_PROJECT}`,
      notes: [
        `The lifecycle test is a small console program rather than an xUnit project, so it needs nothing beyond the function's own package: ` +
          `\`dotnet run --project ${TEST_PROJECT}\` builds both projects, calls the entry points in FC's order and exits non-zero when a check fails.`,
        dotnetPublishNote(names),
      ],
    };
  },
  httpTrigger: 'handler',
  recipes: dotnetRecipes,
});
