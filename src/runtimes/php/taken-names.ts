// PHP's internal functions: a hook function named after one is a fatal redeclaration (`strlen`).
// php-internal-functions.ts is generated from the PHP 8.2 CLI, get_defined_functions()["internal"] (its
// extensions), and committed as data. FC's php7.2 has functions PHP 8 removed (listed below) and
// extensions this CLI lacks.
import { lazyNameSet, namesIn, type NameSet } from '../../name-set.ts';
import { PHP_INTERNAL_FUNCTION_NAMES } from './php-internal-functions.ts';

/** PHP function names are case-insensitive: lower case. PHP 7.2 functions that PHP 8 removed are added. */
export const PHP_INTERNAL_FUNCTIONS: NameSet = lazyNameSet(() => [
  ...namesIn(PHP_INTERNAL_FUNCTION_NAMES.toLowerCase()),
  'each', 'create_function', 'money_format', 'ezmlm_hash', 'restore_include_path', 'get_magic_quotes_gpc',
  'get_magic_quotes_runtime', 'hebrevc', 'convert_cyr_string', 'fgetss', 'image2wbmp', 'read_exif_data', 'is_real',
  'gmp_random', 'jpeg2wbmp', 'png2wbmp', 'ldap_sort', '__autoload',
]);
