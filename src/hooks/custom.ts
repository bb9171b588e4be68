// Custom runtimes and custom containers: FC calls the user's HTTP server (POST /initialize,
// GET /pre-stop) and ignores the hook's handler string, which only has to be non-empty. Routes in a
// hand-written server cannot be added safely in general (any language, any framework), so only s.yaml
// is edited; the plan says which route the server must serve, and whether the code mentions it.
import { readFile } from 'node:fs/promises';
import { sourceFiles } from '../project-files.ts';
import { lineAt } from './source.ts';
import type { HookKind, LanguageHooks } from './types.ts';

const ROUTES = {
  initializer: { method: 'POST', path: '/initialize' },
  preStop: { method: 'GET', path: '/pre-stop' },
} as const satisfies Record<HookKind, { method: 'POST' | 'GET'; path: string }>;

const SOURCE_SUFFIXES = ['.py', '.js', '.mjs', '.cjs', '.ts', '.go', '.java', '.kt', '.php', '.rb', '.rs', '.cs', '.sh', '.lua', '.conf'];

export const customHooks: LanguageHooks = {
  families: ['custom', 'container'],
  handlerIsLabel: true,
  http: {
    route: (kind) => ROUTES[kind],
    async findRoute(project, kind) {
      const pattern = new RegExp(`['"\`]${ROUTES[kind].path}['"\`/?]`);
      for (const path of sourceFiles(project.codeDir ?? project.root, SOURCE_SUFFIXES)) {
        const text = await readFile(path, 'utf8');
        const match = pattern.exec(text);
        if (match) return { path, line: lineAt(text, match.index) };
      }
      return undefined;
    },
  },
};
