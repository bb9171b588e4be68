// The Go family (go): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
import { asLabel } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'go',
  runtimeIds: /^go\d+$/,
  card: {
    label: 'Go',
    ids: ['go1'],
    defaults: { handler: 'main', initializer: 'initialize', preStop: 'preStop' },
    placeHook: asLabel,
    optionKeys: [],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.go),
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.goRunner),
});
