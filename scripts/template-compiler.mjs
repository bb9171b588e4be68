// Compiles a Handlebars template into the source of a plain JavaScript function `(data) => string`, at
// build time, so a run does not load or set up the Handlebars runtime (about 4 ms of a 95 ms `--yes`
// run). Handlebars' own parser reads the template (its whitespace control and standalone-line rules
// applied), and the tree becomes string concatenation over src/template-runtime.ts. Only what the
// templates use is compiled: `{{path}}` and `{{{path}}}` (output as is: the output is code, not HTML),
// the helpers `json`, `tableCode` and `eq`, `{{#if}}` with `{{else}}` / `{{else if}}`, `{{#unless}}`, `{{#each}}` and
// `this`; anything else stops the build with the template's name and line. The plan snapshots pin the
// output byte for byte to what Handlebars printed.
import Handlebars from 'handlebars';

const HELPERS = new Set(['json', 'tableCode', 'eq']);

/** Generates an expression of the function's scope for one template. */
class Compiler {
  constructor(name) {
    this.name = name;
    this.depth = 0;
  }

  fail(node, what) {
    throw new Error(`templates/${this.name}.hbs:${node.loc?.start.line ?? '?'}: ${what} is not supported by the template compiler (scripts/template-compiler.mjs)`);
  }

  /** The context variable of the current block (`c0` at the top, `c1` inside one #each, ...). */
  get context() {
    return `c${this.depth}`;
  }

  program(program) {
    if (program.blockParams?.length) this.fail(program, 'block parameters');
    const parts = program.body.map((node) => this.statement(node)).filter((part) => part !== '""');
    return parts.length === 0 ? '""' : parts.join(' + ');
  }

  statement(node) {
    switch (node.type) {
      case 'ContentStatement':
        return JSON.stringify(node.value);
      case 'CommentStatement':
        return '""';
      case 'MustacheStatement':
        return `out(${this.value(node)})`;
      case 'BlockStatement':
        return this.block(node);
      default:
        return this.fail(node, node.type);
    }
  }

  /** `{{path}}` (strict: a missing field throws, as Handlebars' strict mode does) or `{{helper param…}}`. */
  value(node) {
    if (node.hash) this.fail(node, 'hash arguments');
    if (node.path.type !== 'PathExpression') this.fail(node, 'a literal in place of a path');
    const name = node.path.original;
    if (node.params.length === 0) {
      if (HELPERS.has(name)) this.fail(node, `helper ${name} without arguments`);
      return this.path(node.path, true);
    }
    if (!HELPERS.has(name) || node.path.parts.length !== 1) this.fail(node, `helper ${name}`);
    return `helpers.${name}(${node.params.map((param) => this.param(param)).join(', ')})`;
  }

  param(node) {
    switch (node.type) {
      case 'PathExpression':
        return this.path(node, false);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return JSON.stringify(node.value);
      case 'SubExpression':
        return this.value(node);
      default:
        return this.fail(node, node.type);
    }
  }

  /** A path on the current context; `this` is the context itself. */
  path(node, strict) {
    if (node.data || node.depth > 0 || node.parts.some((part) => typeof part !== 'string')) this.fail(node, `the path ${node.original}`);
    return node.parts.length === 0 ? this.context : `lookup(${this.context}, ${JSON.stringify(node.parts)}, ${strict})`;
  }

  block(node) {
    if (node.hash) this.fail(node, 'hash arguments');
    const helper = node.path.original;
    const inverse = () => (node.inverse ? this.program(node.inverse) : '""');
    if (helper === 'if' && node.params.length === 1) {
      return `(truthy(${this.param(node.params[0])}) ? ${this.program(node.program)} : ${inverse()})`;
    }
    if (helper === 'unless' && node.params.length === 1) {
      return `(truthy(${this.param(node.params[0])}) ? ${inverse()} : ${this.program(node.program)})`;
    }
    if (helper === 'each' && node.params.length === 1) {
      const items = this.param(node.params[0]);
      this.depth += 1;
      const body = `(${this.context}) => ${this.program(node.program)}`;
      this.depth -= 1;
      return `each(${items}, ${body}, () => ${inverse()})`;
    }
    return this.fail(node, `the block helper ${helper}`);
  }
}

/** The source of `(c0) => string` for the template `source`, named `name` (its path under templates/ without .hbs) in errors. */
export function compileTemplate(source, name) {
  const compiler = new Compiler(name);
  return `(c0) => ${compiler.program(Handlebars.parse(source))}`;
}
