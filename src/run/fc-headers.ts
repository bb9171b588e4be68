// The x-fc-* request headers FC sends with a call, from its context: custom runtimes and containers
// get them on every HTTP call (spec §1.8), Go's runtime API hands them out with each invocation (the
// header names of fc-runtime-go-sdk's runtime_api_client.go).
import type { FcContext } from './types.ts';

export function fcContextHeaders(context: FcContext): Record<string, string> {
  return {
    'x-fc-request-id': context.requestId,
    'x-fc-access-key-id': context.credentials.accessKeyId,
    'x-fc-access-key-secret': context.credentials.accessKeySecret,
    'x-fc-security-token': context.credentials.securityToken,
    'x-fc-function-name': context.function.name,
    'x-fc-function-handler': context.function.handler,
    'x-fc-function-memory': String(context.function.memory),
    'x-fc-function-timeout': String(context.function.timeout),
    'x-fc-region': context.region,
    'x-fc-account-id': context.accountId,
    'x-fc-qualifier': 'LATEST',
    'x-fc-version-id': 'LATEST',
  };
}
