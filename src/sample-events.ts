// The sample events a generated project keeps in events/: what its lifecycle test sends the handler,
// what its README shows and what `create-fc-lifecycle run --event` takes. Family-independent: every
// family's handler reads the same FC3 shapes.
import type { PlannedFile } from './runtimes/types.ts';
import type { ProjectSpec } from './spec.ts';

/** The sample event of every project: what FC's console offers as a test event (and the custom servers' tests send). */
export const SAMPLE_EVENT = '{\n  "key": "value"\n}\n';

/** The body the sample HTTP request carries, base64-encoded in the event as FC3 sends a binary-safe body. */
export const SAMPLE_HTTP_BODY = '{"greeting":"hello"}';

/**
 * A POST to the trigger's URL as FC3 hands it to a built-in runtime's handler (spec "Corrections": HTTP
 * trigger event): version, rawPath, headers, queryParameters, body (base64 here, isBase64Encoded true,
 * so the handler's decoding is exercised) and requestContext. As JSON text, two-space indented.
 */
export function sampleHttpEvent(spec: ProjectSpec): string {
  const userAgent = 'curl/8.5.0';
  const event = {
    version: 'v1',
    rawPath: '/hello',
    headers: { 'Content-Type': 'application/json', 'User-Agent': userAgent },
    queryParameters: { name: 'fc' },
    body: Buffer.from(SAMPLE_HTTP_BODY, 'utf8').toString('base64'),
    isBase64Encoded: true,
    requestContext: {
      accountId: '1234567890',
      domainName: `example.${spec.region}.fcapp.run`,
      domainPrefix: 'example',
      http: { method: 'POST', path: '/hello', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent },
      requestId: '1-6761c3a2-15d4e2f8-8a1b2c3d4e5f',
      time: '2026-11-30T01:00:00Z',
      timeEpoch: '1796000400000',
    },
  };
  return `${JSON.stringify(event, null, 2)}\n`;
}

/**
 * events/ of a project: event.json always, and http.json when an HTTP trigger calls a handler that reads
 * FC3's HTTP event (`handlerReadsHttp`; a custom runtime's server gets real HTTP requests instead).
 */
export function sampleEventFiles(spec: ProjectSpec, handlerReadsHttp: boolean): PlannedFile[] {
  return [
    { path: 'events/event.json', contents: SAMPLE_EVENT },
    ...(handlerReadsHttp ? [{ path: 'events/http.json', contents: sampleHttpEvent(spec) }] : []),
  ];
}
