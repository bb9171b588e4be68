// The custom runtime family (custom): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
import { asLabel } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'custom',
  runtimeIds: /^custom(\.debian\d+)?$/,
  card: {
    label: 'Custom runtime',
    ids: ['custom', 'custom.debian10', 'custom.debian11', 'custom.debian12'],
    defaults: { handler: 'index.handler', initializer: 'true', preStop: 'true' },
    placeHook: asLabel,
    optionKeys: ['server', 'language'],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.custom),
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.customRunner),
});
