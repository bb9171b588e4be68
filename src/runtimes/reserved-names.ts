// Names a language already gives a meaning to, beyond its keywords: an entry point or file named after
// one builds a project that breaks (a Python module `logging` shadows the standard library's, a PHP
// function `strlen` is a fatal redeclaration, a Node.js export `JSON` shadows the global the generated
// code calls). The lists in names/ are generated from the real toolchains and committed as data:
//   node-globals.json            node 20:  Object.getOwnPropertyNames(globalThis) (identifiers only)
//   python-stdlib-modules.json   python 3.11: sorted(sys.stdlib_module_names)
//   python-builtins.json         python 3.11: sorted(dir(builtins))
//   php-internal-functions.json  php 8.2 CLI: get_defined_functions()["internal"] (its extensions)
// Limits: FC's own interpreter versions and extensions differ a little (php7.2 has functions PHP 8
// removed, listed below; FC's PHP has extensions this CLI lacks).
import nodeGlobals from './names/node-globals.json' with { type: 'json' };
import phpFunctions from './names/php-internal-functions.json' with { type: 'json' };
import pythonBuiltins from './names/python-builtins.json' with { type: 'json' };
import pythonModules from './names/python-stdlib-modules.json' with { type: 'json' };

/**
 * Node.js: the globals, the CommonJS module scope, `then` (an ES module exporting it is a thenable:
 * `await import()` of it calls it) and `__proto__` (`exports.__proto__ = f` replaces the prototype).
 */
export const NODE_TAKEN_NAMES: ReadonlySet<string> = new Set([
  ...nodeGlobals, 'require', 'module', 'exports', '__filename', '__dirname', 'then', '__proto__',
]);

export const PYTHON_STDLIB_MODULES: ReadonlySet<string> = new Set(pythonModules);
export const PYTHON_BUILTINS: ReadonlySet<string> = new Set(pythonBuiltins);

/** PHP function names are case-insensitive: lower case. PHP 7.2 functions that PHP 8 removed are added. */
export const PHP_INTERNAL_FUNCTIONS: ReadonlySet<string> = new Set([
  ...phpFunctions.map((name) => name.toLowerCase()),
  'each', 'create_function', 'money_format', 'ezmlm_hash', 'restore_include_path', 'get_magic_quotes_gpc',
  'get_magic_quotes_runtime', 'hebrevc', 'convert_cyr_string', 'fgetss', 'image2wbmp', 'read_exif_data', 'is_real',
  'gmp_random', 'jpeg2wbmp', 'png2wbmp', 'ldap_sort', '__autoload',
]);
