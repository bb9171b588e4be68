// `run` for Python: a child `python3` hosts the instance through templates/python/run/bootstrap.py,
// which imports `file` of `file.function` from the code directory (spec §1.3). It writes no
// __pycache__ into the project.
import { bootstrapRunner } from '../../run/bootstrap.ts';

export const pythonRunner = bootstrapRunner('python', 'bootstrap.py', 'python3', 'Python 3 (python3 on PATH)', {
  PYTHONUNBUFFERED: '1',
  PYTHONDONTWRITEBYTECODE: '1',
});
