// The family's parts that read and edit existing code, loaded together by its index.ts: the doctor and
// the hook editor share the family's code model (code.ts), and one module loads fewer bundle chunks.
export { javaHooks as edit } from './edit.ts';
export { doctor } from './rules.ts';
