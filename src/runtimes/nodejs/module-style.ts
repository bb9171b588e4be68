// Which module system a Node.js runtime's entry file is written in: the generator writes it, and the
// hook editor keeps to it, without loading the generator.

/** nodejs16 and older only load CommonJS and need the callback; nodejs18+ get an ES module with async hooks. */
export function nodeModuleStyle(runtime: string): 'commonjs' | 'esm' {
  return Number(runtime.replace('nodejs', '')) >= 18 ? 'esm' : 'commonjs';
}
