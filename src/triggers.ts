// The trigger vocabulary every runtime family shares (`--trigger event|http`): which triggers exist,
// the fc3 `triggers:` entry an HTTP trigger writes into s.yaml and the comment above it. How a
// family's code answers an HTTP request is the family's own (RuntimeDefinition.httpTrigger).
import { fail, oneOf } from './errors.ts';
import type { ServiceRecipe } from './recipes.ts';
import type { RuntimeDefinition } from './runtimes/types.ts';

/** `event`: invoked with an event (SDK, console, other services); `http`: an HTTP trigger gives the function a URL. */
export const TRIGGERS = ['event', 'http'] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const DEFAULT_TRIGGER: Trigger = 'event';

export const TRIGGER_LABELS: Record<Trigger, string> = {
  event: 'event (invoked with an event: SDK, console, s invoke, other services)',
  http: 'HTTP (an HTTP trigger gives the function a URL)',
};

export function checkTrigger(value: string): Trigger {
  return oneOf('trigger', value, TRIGGERS);
}

/**
 * The trigger answer, refused where the handler that reads the HTTP event is not written: with a recipe
 * (the stand-in resource only) or in TypeScript (JavaScript only, for now).
 */
export function resolveTrigger(definition: RuntimeDefinition, answer: string | undefined, runtime: string, recipe: ServiceRecipe | undefined, language?: string): Trigger {
  const trigger = checkTrigger(answer ?? DEFAULT_TRIGGER);
  if (trigger === 'http' && recipe && definition.httpTrigger === 'handler') {
    fail('trigger', `http is not written with --recipe ${recipe} for ${runtime} yet; use the default trigger (event) with it`);
  }
  if (trigger === 'http' && language === 'typescript' && definition.httpTrigger === 'handler') {
    fail('trigger', `http is not written in TypeScript for ${runtime} yet; use --language javascript with it, or the default trigger (event)`);
  }
  return trigger;
}

/** Whether the family's handler that reads the HTTP event is written for these answers (see resolveTrigger). */
export function httpHandlerWritten(definition: RuntimeDefinition, recipe: string | undefined, language: string | undefined): boolean {
  return definition.httpTrigger !== 'handler' || ((recipe === undefined || recipe === 'none') && language !== 'typescript');
}

/**
 * The methods the HTTP trigger accepts: the four a JSON API uses (read, create, replace, delete). HEAD
 * and OPTIONS (a browser's CORS preflight) and PATCH are the fc3 schema's others, left for the user to add,
 * so an anonymous URL answers no more methods than the sample code is written for.
 */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/** The trigger's name in s.yaml: unique per function, the name FC's own docs and templates use. */
export const HTTP_TRIGGER_NAME = 'httpTrigger';

/** s.yaml `triggers` of an HTTP-triggered function: one fc3 http trigger (spec §fc3 `triggers`). */
export function httpTriggers(): Record<string, unknown>[] {
  return [
    {
      triggerName: HTTP_TRIGGER_NAME,
      triggerType: 'http',
      triggerConfig: { authType: 'anonymous', methods: [...HTTP_METHODS] },
    },
  ];
}

/** The comment s.yaml puts above `triggers`: what the entry does and what to change for auth. */
export const HTTP_TRIGGER_COMMENT = [
  'HTTP trigger: `s deploy` gives the function a URL (see `s info`) that calls it with each request.',
  'authType anonymous lets anyone with the URL call it. For signed requests set authType: function',
  '(callers sign with an AccessKey); for JWT set authType: jwt and add authConfig (jwks, tokenLookup).',
  'methods: add HEAD, OPTIONS (CORS preflight) or PATCH when your API answers them.',
].join('\n');
