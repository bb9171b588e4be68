// `run` for Python: a child `python3` hosts the instance through templates/python/run/bootstrap.py,
// which imports `file` of `file.function` from the code directory (spec §1.3).
import { writeBootstrap } from '../../run/bootstrap.ts';
import { requireTool, startBootstrap } from '../../run/child.ts';
import type { Runner } from '../../run/types.ts';

export const pythonRunner: Runner = {
  async prepare() {
    requireTool('python3', 'Python 3 (python3 on PATH)');
  },
  async start(target, workDir, log) {
    const bootstrap = await writeBootstrap('python', 'bootstrap.py', workDir);
    const env = { ...target.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
    return startBootstrap(['python3', bootstrap], { cwd: target.resource.code, env, entries: target.entries }, log);
  },
};
