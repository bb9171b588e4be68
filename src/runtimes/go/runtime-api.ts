// The FC runtime API that fc-runtime-go-sdk v0.3.1 polls (fc/runtime_api_client.go, fc/invoke_loop.go):
// the binary long-polls GET /2020-11-11/runtime/invocation/next and gets one call, its payload as the
// body and its metadata in x-fc-* headers (x-fc-function-type 0 handler, 1 initializer, 2 preStop;
// x-fc-function-timeout and x-fc-function-deadline are required), then POSTs the answer to
// .../<request id>/response or .../<request id>/error ({"errorMessage", "errorType"}).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fcContextHeaders } from '../../run/fc-headers.ts';
import type { CallKind, FcContext } from '../../run/types.ts';

const PREFIX = '/2020-11-11/runtime/invocation/';
const FUNCTION_TYPES: Record<CallKind, string> = { invoke: '0', initializer: '1', preStop: '2' };

export interface ApiAnswer {
  ok: boolean;
  body: string;
}

interface Pending {
  kind: CallKind;
  context: FcContext;
  event: string;
  timeoutMs: number;
  answer: (answer: ApiAnswer) => void;
}

function headersFor(call: Pending): Record<string, string> {
  return {
    ...fcContextHeaders(call.context),
    'x-fc-function-type': FUNCTION_TYPES[call.kind],
    'x-fc-function-deadline': String(Date.now() + call.timeoutMs),
  };
}

export interface RuntimeApi {
  /** `host:port`, for FC_RUNTIME_API. */
  address: string;
  /** Queues a call for the next poll; resolves with the binary's answer. */
  send(kind: CallKind, context: FcContext, event: string, timeoutMs: number): Promise<ApiAnswer>;
  close(): Promise<void>;
}

export async function startRuntimeApi(): Promise<RuntimeApi> {
  const queue: Pending[] = [];
  const polls: ServerResponse[] = [];
  const inFlight = new Map<string, Pending>();
  const deliver = () => {
    while (queue.length > 0 && polls.length > 0) {
      const call = queue.shift()!;
      const poll = polls.shift()!;
      inFlight.set(call.context.requestId, call);
      poll.writeHead(200, headersFor(call)).end(call.kind === 'invoke' ? call.event : '');
    }
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    if (req.method === 'GET' && path === `${PREFIX}next`) {
      polls.push(res);
      res.on('close', () => polls.includes(res) && polls.splice(polls.indexOf(res), 1));
      return deliver();
    }
    const match = new RegExp(`^${PREFIX}([^/]+)/(response|error)$`).exec(path);
    const call = match && req.method === 'POST' ? inFlight.get(decodeURIComponent(match[1]!)) : undefined;
    if (!call) return res.writeHead(404).end();
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      inFlight.delete(call.context.requestId);
      res.writeHead(202).end();
      call.answer({ ok: match![2] === 'response', body });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    send: (kind, context, event, timeoutMs) =>
      new Promise((answer) => {
        queue.push({ kind, context, event, timeoutMs, answer });
        deliver();
      }),
    async close() {
      for (const poll of polls.splice(0)) poll.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
