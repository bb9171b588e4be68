// The Node.js family (nodejs): everything create-fc-lifecycle knows about it, as one object. The
// generator is loaded with the registry; the parts that read, edit or run existing code load when used.
import { defineFamily } from '../family.ts';
import { nodejs as generator } from './generate.ts';

export const family = defineFamily({
  id: 'nodejs',
  runtimeIds: /^nodejs\d+$/,
  generator,
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.nodejsRunner),
});
