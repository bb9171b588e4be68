import type { HookPlacement } from '../hook-entries.ts';
import type { ServiceRecipe } from '../recipes.ts';
import type { Answers, ProjectSpec, RuntimeOptionKey, RuntimeOptions } from '../spec.ts';

/** The three entry-point strings exactly as they go into s.yaml; a hook that is off is undefined. */
export interface EntryStrings {
  handler: string;
  initializer?: string;
  preStop?: string;
}

/** One file of the plan, path relative to the project root, always `/`-separated. */
export interface PlannedFile {
  path: string;
  contents: string;
  /** Written with mode 0755 (scripts). */
  executable?: boolean;
}

/** What a runtime adds to its s.yaml resource: props after the common ones, and Serverless Devs actions. */
export interface ResourceParts {
  props: Record<string, unknown>;
  actions?: Record<string, unknown>;
  /** Comments s.yaml puts above keys, by dotted path from the resource, e.g. `props.handler`. */
  comments?: Record<string, string>;
}

/** What the generated README says about the runtime's files and how to test them. */
export interface ReadmeParts {
  files: { path: string; about: string }[];
  testCommand: string;
  /** A step the user must take before the first `s deploy` (the "Next:" steps say it), e.g. naming the image. */
  beforeDeploy?: string;
  /** Extra paragraphs (markdown), e.g. how to build before deploying. */
  notes?: string[];
}

/**
 * What a family writes for a recipe (`--recipe mysql|redis`) in place of its stand-in resource: the
 * source, test and dependency files, the pre-deploy actions that install the client, and the README.
 * s.yaml's environmentVariables and vpcConfig comment come from the shared src/recipes.ts.
 */
export interface RecipeDefinition<Names = unknown> {
  /** The client library, as the README's table names it, e.g. `mysql2 (promise pool)`. */
  client: string;
  /** Names the recipe's code defines that an entry point must not take (beyond the family's own). */
  generatedNames: readonly string[];
  /** Refuses (InputError) entry names the recipe's code cannot take, beyond generatedNames: e.g. a class that shadows a type it imports. */
  checkNames?(names: Names): void;
  /** Why the recipe cannot be written with these runtime options (e.g. another server), if it cannot. */
  unsupported?(options: RuntimeOptions, runtime: string): string | undefined;
  files(spec: ProjectSpec, names: Names): PlannedFile[];
  /** Serverless Devs actions (e.g. installing the client before `s deploy`) and their s.yaml comment. */
  actions?(spec: ProjectSpec): { actions: Record<string, unknown>; comment: string } | undefined;
  readme(spec: ProjectSpec, names: Names): ReadmeParts;
}

/**
 * Everything the generator knows about one family of runtimes. `Names` is what `parseEntries`
 * derives from the entry strings (file and function names); the other methods receive it back.
 */
export interface RuntimeDefinition<Names = unknown> {
  /** Key of the family, also the name of its template folder. */
  family: string;
  /**
   * Template folders `files` renders from (loaded before it runs; `_shared` always is), when not
   * just the family's own: `[family]` if absent.
   */
  templateGroups?: readonly string[];
  /** Human name for menus and READMEs. */
  label: string;
  /** FC runtime ids served by this definition, newest last. */
  ids: readonly string[];
  /** Default entry strings (the FC3 docs' names). */
  defaults: Required<EntryStrings>;
  /** Where a hook's default entry goes for a handler other than the default (beside it: same file, class, ...). */
  placeHook: HookPlacement;
  /**
   * Answers only this family takes (`keys`; resolveSpec refuses them for every other family) and how
   * they are validated and defaulted (throws InputError naming the field).
   */
  options?: {
    keys: readonly RuntimeOptionKey[];
    resolve(answers: Answers, runtime: string): RuntimeOptions;
  };
  /** Validates the entry strings for `runtime` (throws InputError naming the field) and derives names. */
  parseEntries(entries: EntryStrings, runtime: string): Names;
  /** Source, test and build files. */
  files(spec: ProjectSpec, names: Names): PlannedFile[];
  /** Runtime-specific part of the s.yaml resource. */
  resource(spec: ProjectSpec, names: Names): ResourceParts;
  readme(spec: ProjectSpec, names: Names): ReadmeParts;
  /** Paths the project's build writes, for .gitignore beside the shared ones (e.g. pip's target dir). */
  ignoredPaths?(spec: ProjectSpec): string[];
  /**
   * How the family answers an HTTP trigger (`--trigger http`): `handler`, its handler reads FC3's HTTP
   * event and returns {statusCode, headers, body} when the spec says so; `server`, its code is an HTTP
   * server already and only s.yaml gains the trigger.
   */
  httpTrigger: 'handler' | 'server';
  /** The recipes this family writes, besides `none` (its own files). */
  recipes?: Partial<Record<ServiceRecipe, RecipeDefinition<Names>>>;
}

/** Keeps each definition's `Names` type checked while the registry holds them side by side. */
export function defineRuntime<Names>(definition: RuntimeDefinition<Names>): RuntimeDefinition<Names> {
  return definition;
}
