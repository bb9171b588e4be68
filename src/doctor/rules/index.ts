// Every doctor rule, and the language models the shared hook rules ask.
import type { CodeModel, Family, Rule } from '../types.ts';
import { customModel, customRules } from './custom.ts';
import { dotnetModel } from './dotnet.ts';
import { goModel, goRules } from './go.ts';
import { handlerNeedsInitializer, serverWaitsForInitialize } from './guards.ts';
import { hookNotFound, hookWithoutConfig } from './hooks.ts';
import { javaModel, javaRules } from './java.ts';
import { nodejsModel, nodejsRules } from './nodejs.ts';
import { phpModel, phpRules } from './php.ts';
import { pythonModel, pythonRules } from './python.ts';
import { sYamlRules } from './s-yaml.ts';

const MODELS: Partial<Record<Family, CodeModel>> = {
  nodejs: nodejsModel,
  python: pythonModel,
  php: phpModel,
  java: javaModel,
  go: goModel,
  dotnet: dotnetModel,
  custom: customModel,
  container: customModel,
};

/** Language rules run only on resources of their family. */
function forFamily(family: Family, rules: Rule[]): Rule[] {
  return rules.map((rule) => ({ ...rule, check: (resource, project) => (resource.family === family ? rule.check(resource, project) : []) }));
}

export const RULES: readonly Rule[] = [
  ...sYamlRules,
  hookNotFound(MODELS),
  hookWithoutConfig(MODELS),
  handlerNeedsInitializer(MODELS),
  serverWaitsForInitialize,
  ...forFamily('nodejs', nodejsRules),
  ...forFamily('python', pythonRules),
  ...forFamily('php', phpRules),
  ...forFamily('java', javaRules),
  ...forFamily('go', goRules),
  ...customRules,
];
