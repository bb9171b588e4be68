// What the `file.function` languages (Node.js, Python, PHP) share.
import { fail } from '../errors.ts';
import { dottedFile, dottedFunction } from './snippet.ts';
import type { HookKind, HookProject } from './types.ts';

/** A hook's default entry: the runtime's default function name, in the handler's file. */
export function dottedDefault(_kind: HookKind, handler: string, runtimeDefault: string): string {
  return handler.includes('.') ? `${dottedFile(handler)}.${dottedFunction(runtimeDefault)}` : runtimeDefault;
}

/** The code directory, which the handler file is in. */
export function requireCodeDir(project: HookProject): string {
  if (!project.codeDir) fail('s.yaml', `resources.${project.resource}.props.code must name a directory of this project (the handler file is looked up in it)`);
  return project.codeDir;
}
