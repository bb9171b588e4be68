// The C# family (dotnet): everything create-fc-lifecycle knows about it, as one object. The
// card is loaded with the registry; the generator and the parts that read, edit or run existing code load when used.
import { inHandlerAssemblyClass } from '../../hook-entries.ts';
import { defineFamily } from '../family.ts';

export const family = defineFamily({
  id: 'dotnet',
  runtimeIds: /^dotnetcore\d/,
  card: {
    label: 'C#',
    ids: ['dotnetcore3.1'],
    // The FC docs' names, with one assembly for the three (the docs' own s.yaml mixes two).
    defaults: { handler: 'HelloFcApp::Example.Hello::StreamHandler', initializer: 'HelloFcApp::Example.Hello::Initialize', preStop: 'HelloFcApp::Example.Hello::PreStop' },
    placeHook: inHandlerAssemblyClass,
    optionKeys: [],
    recipes: ['mysql', 'redis'],
  },
  generator: () => import('./generate.ts').then((m) => m.dotnet),
  edit: () => import('./parts.ts').then((m) => m.edit),
  doctor: () => import('./parts.ts').then((m) => m.doctor),
  runner: () => import('./run.ts').then((m) => m.dotnetRunner),
});
