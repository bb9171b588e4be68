// The parts of the custom runtime and container families that read and edit existing code, loaded
// together by their index.ts: the doctor and the hook editor share the family's code model (code.ts).
export { customHooks as edit } from './edit.ts';
export { doctor } from './doctor.ts';
