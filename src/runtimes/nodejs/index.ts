// The Node.js family (nodejs): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
import { inHandlerFile } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'nodejs',
  runtimeIds: /^nodejs\d+$/,
  card: {
    label: 'Node.js',
    ids: ['nodejs14', 'nodejs16', 'nodejs18', 'nodejs20'],
    defaults: { handler: 'index.handler', initializer: 'index.initialize', preStop: 'index.preStop' },
    placeHook: inHandlerFile,
    optionKeys: ['language'],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.nodejs),
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.nodejsRunner),
});
