// Sub-commands beside the default `create` flow: `create-fc-lifecycle <command> ...`.
// Each is loaded only when used, so the create path stays light. add and remove are built into
// chunks/shared.js, which both load anyway (scripts/build.mjs): their names must differ.
import type { Io } from './main.ts';

export type Command = (argv: string[], io: Io) => Promise<number>;

export const COMMANDS: Record<string, () => Promise<Command>> = {
  add: () => import('./add.ts').then((m) => m.addCommand),
  remove: () => import('./remove.ts').then((m) => m.removeCommand),
  doctor: () => import('./doctor.ts').then((m) => m.run),
  run: () => import('../run/command.ts').then((m) => m.run),
};
