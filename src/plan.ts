import { ENV_REFERENCE, mergeEnvironment } from './environment.ts';
import { comparePaths } from './path-order.ts';
import { recipeEnvironment, recipeSYamlComment } from './recipes.ts';
import { generatorFor } from './runtimes/index.ts';
import type { PlannedFile, RecipeDefinition, ResourceParts } from './runtimes/types.ts';
import { entryStrings, type ProjectSpec } from './spec.ts';
import { renderSYaml } from './s-yaml.ts';
import { templateData } from './runtimes/common.ts';
import { hasTemplateGroup, loadTemplates, render } from './templates.ts';
import { sampleEventFiles } from './sample-events.ts';
import { HTTP_METHODS } from './triggers.ts';

/** Everything a generation would write, in memory: the single input of the writer and the snapshots. */
export interface FilePlan {
  targetDir: string;
  files: PlannedFile[];
  /** How to run the generated project's local lifecycle test, from its root. */
  testCommand: string;
  /** What to do before the first `s deploy`, when the runtime needs a step of the user's (see ReadmeParts). */
  beforeDeploy?: string;
}

/**
 * Builds the file plan for a validated spec. Reads and writes no files: it only loads the runtime's
 * generator and the template groups it renders (`_shared` and the definition's folders), once per process.
 */
export async function buildPlan(spec: ProjectSpec): Promise<FilePlan> {
  const definition = await generatorFor(spec.runtime);
  const groups = definition.templateGroups ?? [definition.family];
  const recipe = spec.recipe && definition.recipes?.[spec.recipe];
  const recipeGroups = recipe ? groups.map((group) => `${group}/recipes`).filter(hasTemplateGroup) : [];
  await loadTemplates('_shared', ...groups, ...recipeGroups);
  const names = definition.parseEntries(entryStrings(spec), spec.runtime);
  const source = recipe || definition;
  const readme = source.readme(spec, names);
  const events = sampleEventFiles(spec, spec.trigger === 'http' && definition.httpTrigger === 'handler');
  // The event `run` and the test send: the HTTP request when the handler reads one.
  const runEvent = events[events.length - 1]!;
  const files: PlannedFile[] = [
    ...source.files(spec, names),
    ...events,
    { path: 's.yaml', contents: await renderSYaml(spec, withUserEnvironment(spec, withRecipe(spec, definition.resource(spec, names), recipe))) },
    {
      path: 'README.md',
      contents: render('_shared/README.md', {
        ...templateData(spec, names),
        label: definition.label,
        initializerTimeout: spec.initializer?.timeout ?? null,
        initializerIsCommand: spec.initializer?.command !== undefined,
        preStopTimeout: spec.preStop?.timeout ?? null,
        files: readme.files,
        testCommand: readme.testCommand,
        notes: readme.notes ?? [],
        // Keys only: a value may be a secret, and a README is shared.
        environment: Object.entries(spec.environment ?? {}).map(([key, value]) => ({ key, reference: ENV_REFERENCE.test(value) })),
        events,
        runEvent: runEvent.path,
        eventText: events[0]!.contents.trimEnd(),
        httpEventText: events[1]?.contents.trimEnd() ?? null,
        httpTrigger: spec.trigger === 'http',
        httpMethods: HTTP_METHODS.join(', '),
      }),
    },
    { path: '.vscode/tasks.json', contents: render('_shared/vscode-tasks.json', { testCommand: readme.testCommand, runEvent: runEvent.path }) },
    { path: '.gitignore', contents: render('_shared/gitignore', { extra: definition.ignoredPaths?.(spec) ?? [] }) },
  ];
  files.sort((a, b) => comparePaths(a.path, b.path));
  return { targetDir: spec.targetDir, files, testCommand: readme.testCommand, ...(readme.beforeDeploy && { beforeDeploy: readme.beforeDeploy }) };
}

/**
 * A recipe's additions to the s.yaml resource: the variables its client reads (after the runtime's
 * own), the commented vpcConfig above them, and the actions that install the client.
 */
function withRecipe(spec: ProjectSpec, parts: ResourceParts, recipe: RecipeDefinition<any> | undefined | ''): ResourceParts {
  if (!recipe || !spec.recipe) return parts;
  const own = parts.props.environmentVariables as Record<string, string> | undefined;
  const install = recipe.actions?.(spec);
  return {
    props: { ...parts.props, environmentVariables: { ...own, ...recipeEnvironment(spec.recipe) } },
    actions: install ? { ...parts.actions, ...install.actions } : parts.actions,
    comments: {
      ...parts.comments,
      'props.environmentVariables': recipeSYamlComment(spec.recipe),
      ...(install && { actions: install.comment }),
    },
  };
}

/**
 * The user's `--env` variables after the project's own (the runtime's, then the recipe's): a key the
 * project sets is refused unless the value is the same, and the whole must fit FC's 4 KB.
 */
function withUserEnvironment(spec: ProjectSpec, parts: ResourceParts): ResourceParts {
  if (!spec.environment) return parts;
  const generated = (parts.props.environmentVariables ?? {}) as Record<string, string>;
  const fromRecipe = spec.recipe ? recipeEnvironment(spec.recipe) : {};
  const setBy = (key: string) => (Object.hasOwn(fromRecipe, key) ? `the ${spec.recipe} recipe` : `the ${spec.runtime} project`);
  return { ...parts, props: { ...parts.props, environmentVariables: mergeEnvironment(generated, setBy, spec.environment) } };
}
