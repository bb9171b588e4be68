// The Java family (java): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
import { inHandlerClass } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'java',
  runtimeIds: /^java\d+$/,
  card: {
    label: 'Java',
    ids: ['java8', 'java11'],
    defaults: { handler: 'example.App::handleRequest', initializer: 'example.App::initialize', preStop: 'example.App::preStop' },
    placeHook: inHandlerClass,
    optionKeys: [],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.java),
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.javaRunner),
});
