// Custom runtimes and custom containers: FC calls the user's HTTP server (POST /initialize,
// GET /pre-stop) and ignores the hook's handler string, which only has to be non-empty. Routes in a
// hand-written server cannot be added safely in general (any language, any framework), so there only
// s.yaml is edited and the plan says which route the server must serve, and whether the code mentions
// it (code.ts reads that, as the doctor does); a server this generator wrote (Flask app.py, node
// server.js) gets the missing route inserted.
import { join } from 'node:path';
import { pathExists, sourceFiles } from '../../project-files.ts';
import { hookRoute, ROUTE_PLACES, type RouteServer } from './routes.ts';
import { loadTemplates } from '../../templates.ts';
import { editableCode, scanCodeFile } from '../../hooks/code-files.ts';
import { SourceFile } from '../../source/file.ts';
import { lineAt } from '../../source/text.ts';
import type { HookProject, LanguageHooks } from '../../hooks/types.ts';
import { projectTypeScriptBuild } from '../nodejs/typescript-project.ts';
import { routeIn, ROUTES } from './code.ts';
import { checkOpaqueEntries } from './server.ts';

const SOURCE_SUFFIXES = ['.py', '.js', '.mjs', '.cjs', '.ts', '.go', '.java', '.kt', '.php', '.rb', '.rs', '.cs', '.sh', '.lua', '.conf'];

export const customHooks: LanguageHooks = {
  parseEntries: checkOpaqueEntries,
  handlerIsLabel: true,
  http: {
    route: (kind) => ROUTES[kind],
    async findRoute(project, kind) {
      for (const path of [...(await typeScriptServerSource(project)), ...sourceFiles(project.codeDir ?? project.root, SOURCE_SUFFIXES)]) {
        const route = routeIn(new SourceFile(path, (await scanCodeFile(project, path)).text), kind);
        if (route) return { path, line: route.line };
      }
      return undefined;
    },
    async addRoute(project, kind, edits) {
      const dir = project.codeDir ?? join(project.root, 'code');
      const typeScript = await typeScriptServerSource(project);
      for (const server of Object.keys(ROUTE_PLACES) as RouteServer[]) {
        const place = ROUTE_PLACES[server];
        const path = server === 'node-typescript' ? typeScript[0] : join(dir, place.file);
        if (path === undefined) continue;
        if (!edits.has(path) && !(await pathExists(path))) continue;
        const text = edits.get(path)?.after ?? editableCode(project, await scanCodeFile(project, path)).text;
        const at = text.indexOf(place.before[kind]);
        if (!text.includes(place.marker) || at < 0 || routeIn(new SourceFile(path, text), kind)) continue;
        await loadTemplates('custom');
        const after = text.slice(0, at) + place.separator + hookRoute(server, kind) + text.slice(at);
        edits.set(path, { before: edits.get(path)?.before ?? text, after });
        return { path, line: lineAt(after, at + place.separator.length) };
      }
      return undefined;
    },
  },
};

/** A node server in TypeScript: the source package.json's build writes the server from, looked at first (the built file may be stale or absent). */
async function typeScriptServerSource(project: HookProject): Promise<string[]> {
  const build = await projectTypeScriptBuild(project);
  return build ? [build.source] : [];
}
