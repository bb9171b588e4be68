// `run` for PHP: a child `php` hosts the instance through templates/php/run/bootstrap.php, which
// requires `file.php` of `file.function` and gives the hooks $GLOBALS['fcLogger'] (spec §1.4).
import { bootstrapRunner } from '../../run/bootstrap.ts';

export const phpRunner = bootstrapRunner('php', 'bootstrap.php', 'php', 'the PHP CLI (php on PATH)');
