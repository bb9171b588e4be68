// The Python family (python): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
import { inHandlerFile } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'python',
  runtimeIds: /^python\d/,
  card: {
    label: 'Python',
    ids: ['python3.9', 'python3.10', 'python3.12'],
    defaults: { handler: 'index.handler', initializer: 'index.initialize', preStop: 'index.pre_stop' },
    placeHook: inHandlerFile,
    optionKeys: [],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.python),
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.pythonRunner),
});
