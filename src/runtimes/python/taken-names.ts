// Names Python already gives a meaning to, beyond its keywords: a module `logging` shadows the standard
// library's, a function `print` shadows the builtin the generated code calls. Generated from python 3.11
// and committed as data: python-stdlib-modules.json is sorted(sys.stdlib_module_names),
// python-builtins.json sorted(dir(builtins)). FC's interpreter versions differ a little.
import pythonBuiltins from './python-builtins.json' with { type: 'json' };
import pythonModules from './python-stdlib-modules.json' with { type: 'json' };

export const PYTHON_STDLIB_MODULES: ReadonlySet<string> = new Set(pythonModules);
export const PYTHON_BUILTINS: ReadonlySet<string> = new Set(pythonBuiltins);
