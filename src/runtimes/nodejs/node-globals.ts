// Generated data, committed: Node.js 20's globals: Object.getOwnPropertyNames(globalThis), identifiers only.
// Names separated by white space, in one string (see src/name-set.ts).
export const NODE_GLOBAL_NAMES = `
AbortController AbortSignal AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Blob Boolean
BroadcastChannel Buffer ByteLengthQueuingStrategy CompressionStream CountQueuingStrategy Crypto CryptoKey CustomEvent
DOMException DataView Date DecompressionStream Error EvalError Event EventTarget File FinalizationRegistry
Float32Array Float64Array FormData Function Headers Infinity Int16Array Int32Array Int8Array Intl JSON Map Math
MessageChannel MessageEvent MessagePort NaN Number Object Performance PerformanceEntry PerformanceMark
PerformanceMeasure PerformanceObserver PerformanceObserverEntryList PerformanceResourceTiming Promise Proxy RangeError
ReadableByteStreamController ReadableStream ReadableStreamBYOBReader ReadableStreamBYOBRequest
ReadableStreamDefaultController ReadableStreamDefaultReader ReferenceError Reflect RegExp Request Response Set
SharedArrayBuffer String SubtleCrypto Symbol SyntaxError TextDecoder TextDecoderStream TextEncoder TextEncoderStream
TransformStream TransformStreamDefaultController TypeError URIError URL URLSearchParams Uint16Array Uint32Array
Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet WebAssembly WritableStream WritableStreamDefaultController
WritableStreamDefaultWriter __dirname __filename assert async_hooks atob btoa buffer child_process clearImmediate
clearInterval clearTimeout cluster console constants crypto decodeURI decodeURIComponent dgram diagnostics_channel dns
domain encodeURI encodeURIComponent escape eval events exports fetch fs global globalThis http http2 https inspector
isFinite isNaN module net os parseFloat parseInt path perf_hooks performance process punycode querystring
queueMicrotask readline repl require setImmediate setInterval setTimeout stream string_decoder structuredClone sys
timers tls trace_events tty undefined unescape url util v8 vm wasi worker_threads zlib
`;
