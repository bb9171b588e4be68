// `run` for PHP: a child `php` hosts the instance through templates/php/run/bootstrap.php, which
// requires `file.php` of `file.function` and gives the hooks $GLOBALS['fcLogger'] (spec §1.4).
import { writeBootstrap } from '../../run/bootstrap.ts';
import { requireTool, startBootstrap } from '../../run/child.ts';
import type { Runner } from '../../run/types.ts';

export const phpRunner: Runner = {
  async prepare() {
    requireTool('php', 'the PHP CLI (php on PATH)');
  },
  async start(target, workDir, log) {
    const bootstrap = await writeBootstrap('php', 'bootstrap.php', workDir);
    return startBootstrap(['php', bootstrap], { cwd: target.resource.code, env: target.env, entries: target.entries }, log);
  },
};
