// Names Python already gives a meaning to, beyond its keywords: a module `logging` shadows the standard
// library's, a function `print` shadows the builtin the generated code calls. Generated from python 3.11
// and committed as data (python-builtins.ts, python-stdlib-modules.ts). FC's interpreter versions differ a little.
import { lazyNameSet, namesIn, type NameSet } from '../../name-set.ts';
import { PYTHON_BUILTIN_NAMES } from './python-builtins.ts';
import { PYTHON_STDLIB_MODULE_NAMES } from './python-stdlib-modules.ts';

export const PYTHON_STDLIB_MODULES: NameSet = lazyNameSet(() => namesIn(PYTHON_STDLIB_MODULE_NAMES));
export const PYTHON_BUILTINS: NameSet = lazyNameSet(() => namesIn(PYTHON_BUILTIN_NAMES));
