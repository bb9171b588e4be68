// The custom container family (container): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
// A container serves the same HTTP hooks as a custom runtime: its code is read and edited by custom's parts.
import { asLabel } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'container',
  runtimeIds: /^custom-container$/,
  card: {
    label: 'Custom container',
    ids: ['custom-container'],
    defaults: { handler: 'index.handler', initializer: 'true', preStop: 'true' },
    placeHook: asLabel,
    optionKeys: ['gpu', 'gpuMemorySize', 'initializerCommand'],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.container),
  edit: () => import('../custom/parts.ts').then((m) => m.edit),
  doctor: () => import('../custom/parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.containerRunner),
});
