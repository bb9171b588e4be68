// The custom container family (container): everything create-fc-lifecycle knows about it, as one object. The
// generator is loaded with the registry; the parts that read, edit or run existing code load when used.
// A container serves the same HTTP hooks as a custom runtime: its code is read and edited by custom's parts.
import { defineFamily } from '../family.ts';
import { container as generator } from './generate.ts';

export const family = defineFamily({
  id: 'container',
  runtimeIds: /^custom-container$/,
  generator,
  edit: () => import('../custom/parts.ts').then((m) => m.edit),
  doctor: () => import('../custom/parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.containerRunner),
});
