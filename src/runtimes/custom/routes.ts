// The hook routes of the generated custom-runtime and custom-container servers, one template each
// (templates/custom/routes): the generator writes the routes of the hooks s.yaml configures, and
// `create-fc-lifecycle add` inserts a missing one, at the same place, into a server the generator wrote,
// so that the server answers the hook FC starts calling.
import type { ServerKind } from '../../spec.ts';
import { render } from '../../templates.ts';

type Hook = 'initializer' | 'preStop';

/** The generated servers: each ServerKind in JavaScript or Python, and the node server in TypeScript (src/server.ts). */
export type RouteServer = ServerKind | 'node-typescript';

const TEMPLATES: Record<RouteServer, Record<Hook, string>> = {
  flask: { initializer: 'custom/routes/flask-initialize.py', preStop: 'custom/routes/flask-pre-stop.py' },
  node: { initializer: 'custom/routes/node-initialize.js', preStop: 'custom/routes/node-pre-stop.js' },
  'node-typescript': { initializer: 'custom/routes/node-ts-initialize.ts', preStop: 'custom/routes/node-ts-pre-stop.ts' },
};

/** A hook's route block, without the blank lines around it (the `custom` templates must be loaded). */
export function hookRoute(server: RouteServer, hook: Hook): string {
  return render(TEMPLATES[server][hook], {}).trimEnd();
}

export function hookRoutes(server: RouteServer): Record<Hook, string> {
  return { initializer: hookRoute(server, 'initializer'), preStop: hookRoute(server, 'preStop') };
}

/**
 * How to recognize a server the generator wrote (its file in the code directory, a line only that
 * server has) and where each route goes in it: `separator` (the blank lines between blocks) and the
 * route block are inserted right before the text `before` names.
 */
export const ROUTE_PLACES: Record<RouteServer, { file: string; marker: string; separator: string; before: Record<Hook, string> }> = {
  flask: {
    file: 'app.py',
    marker: '\ndef get_resource(request_id):\n',
    separator: '\n\n\n',
    before: { initializer: '\n\n\n@app.route("/", defaults=', preStop: '\n\n\nif __name__ == "__main__":' },
  },
  node: {
    file: 'server.js',
    marker: '\nconst HOOK_ROUTES = Object.create(null);\n',
    separator: '\n\n',
    before: { initializer: '\n\n/** A request', preStop: '\n\nconst server = http.createServer(' },
  },
  // In src/server.ts (package.json's build source), not in the code directory.
  'node-typescript': {
    file: 'server.ts',
    marker: '\nconst HOOK_ROUTES = new Map<string, HookRoute>();\n',
    separator: '\n\n',
    before: { initializer: '\n\n/** A request', preStop: '\n\nconst server = createServer(' },
  },
};
