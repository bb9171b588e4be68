// Plop generators for IDE task runners, usable without a global install from a project that has
// create-fc-lifecycle in node_modules:
//   npx plop --plopfile node_modules/create-fc-lifecycle/plopfile.js hook
// `function` writes a new project, `hook` adds Initializer/PreStop hooks to an existing one, `unhook`
// switches them off. They call the package's built API (dist/), the same code as the CLI.
import functionGenerator from './generators/function.js';
import hookGenerator from './generators/hook.js';
import unhookGenerator from './generators/unhook.js';

export default function plopfile(plop) {
  plop.setWelcomeMessage('create-fc-lifecycle: what do you want to do?');
  functionGenerator(plop);
  hookGenerator(plop);
  unhookGenerator(plop);
}
