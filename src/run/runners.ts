// The runner part of each runtime family (src/runtimes/<family>/run.ts), loaded only when `run` uses it.
import type { RuntimeFamily } from '../runtimes/index.ts';
import type { Runner } from './types.ts';

export const RUNNERS: Record<RuntimeFamily, () => Promise<Runner>> = {
  nodejs: () => import('../runtimes/nodejs/run.ts').then((m) => m.nodejsRunner),
  python: () => import('../runtimes/python/run.ts').then((m) => m.pythonRunner),
  php: () => import('../runtimes/php/run.ts').then((m) => m.phpRunner),
  java: () => import('../runtimes/java/run.ts').then((m) => m.javaRunner),
  go: () => import('../runtimes/go/run.ts').then((m) => m.goRunner),
  dotnet: () => import('../runtimes/dotnet/run.ts').then((m) => m.dotnetRunner),
  custom: () => import('../runtimes/custom/run.ts').then((m) => m.customRunner),
  container: () => import('../runtimes/container/run.ts').then((m) => m.containerRunner),
};
