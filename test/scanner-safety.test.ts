// Issue 11, class 12: code the hook editor reads wrongly must never make `add` report success. A PHP
// file ending in `?>` + HTML gets the hook in PHP mode (or a refusal), heredoc/nowdoc text and inline
// HTML that read like a function, and C# interpolated verbatim strings, do not count as the hook.
// Each edited file is then run (php) or compiled (mcs) to show the hook really is a function.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { applyHookPlan, planAddHooks } from '../src/hooks/index.ts';
import { tempDir } from './helpers/generate.ts';
import { addedLines, copyFixture } from './helpers/hook-fixtures.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const STUBS = fileURLToPath(new URL('./stubs', import.meta.url));
const hasPhp = useToolchain('php', ['--version'], 'apt-get install -y php-cli');
const hasMcs = useToolchain('mcs', ['--version'], 'apt-get install -y mono-mcs');

/** Adds both hooks to a copy of a fixture whose code file is replaced by `source`; returns the file after, or the refusal. */
async function addHooks(fixture: string, file: string, source: string, entries: [string, string]) {
  const root = copyFixture(fixture);
  writeFileSync(join(root, file), source);
  try {
    const plan = await planAddHooks({ dir: root, initializer: entries[0], preStop: entries[1] }, root);
    await applyHookPlan(plan);
    return { root, after: readFileSync(join(root, file), 'utf8'), notes: plan.notes.join('\n') };
  } catch (error) {
    if (error instanceof InputError) return { root, refused: error };
    throw error;
  }
}

/** Loads a PHP file (its inline HTML goes to stdout) and prints which hook functions exist. */
function phpFunctions(path: string): { defined: string; page: string } {
  const script = `ob_start(); require ${JSON.stringify(path)}; $page = ob_get_clean(); echo json_encode(['page' => $page, 'defined' => (function_exists('initialize') ? 'I' : '') . (function_exists('preStop') ? 'P' : '')]);`;
  const result = run('php', ['-r', script]);
  expect(result.status, result.output).toBe(0);
  return JSON.parse(result.stdout);
}

const PHP_HEAD = '<?php\nfunction handler($event, $context) {\n    return "ok";\n}\n';

/** Files that must get both hooks, working: name -> source. */
const PHP_ADDED: Record<string, string> = {
  '?> then HTML': `${PHP_HEAD}?>\n<html><body>served page</body></html>\n`,
  '?> then HTML, with a block that closes before it': `<?php if (true): ?>\n<p>a</p>\n<?php endif; ?>\n${PHP_HEAD}?>\n<footer>x</footer>\n`,
  'heredoc line that reads like the hook': `${PHP_HEAD}$doc = <<<EOT\nfunction initialize($context) {\nfunction preStop($context) {\nEOT;\n`,
  'nowdoc line that reads like the hook': `${PHP_HEAD}$doc = <<<'EOT'\n  function initialize($context) {\n  function preStop($context) {\n  EOT;\n`,
  'an empty PHP section right after a ?>': `${PHP_HEAD}?><?php ?>\n<p>b</p>\n`,
  'inline HTML before <?php that reads like the hook': `<!--\nfunction initialize($context) {\nfunction preStop($context) {\n-->\n${PHP_HEAD}`,
};

/** Files where no place is safe: refused with one line, nothing written. */
const PHP_REFUSED: Record<string, string> = {
  'ends in HTML after an <?= expression ?>': `${PHP_HEAD}?>\n<h1><?= 'title' ?></h1>\n`,
  'ends in HTML after if (...) without braces': `${PHP_HEAD}if (true) ?>\n<p>only sometimes</p>\n`,
  'unclosed heredoc': `${PHP_HEAD}$doc = <<<EOT\nfunction initialize($context) {\n`,
};

describe.runIf(hasPhp)('PHP', () => {
  console.log(`scanner-safety: ${Object.keys(PHP_ADDED).length + Object.keys(PHP_REFUSED).length} PHP cases, ${CSHARP_CASES.length} C# cases`);
  for (const [name, source] of Object.entries(PHP_ADDED)) {
    test(`${name}: both hooks added in PHP mode, they exist when the file runs, the page is unchanged`, async () => {
      const result = await addHooks('php7.2', 'code/index.php', source, ['index.initialize', 'index.preStop']);
      expect(result.refused?.message).toBeUndefined();
      expect(result.notes).not.toMatch(/already has it/);
      const original = join(tempDir('fc-php-'), 'index.php');
      writeFileSync(original, source);
      const before = phpFunctions(original);
      const after = phpFunctions(join(result.root, 'code/index.php'));
      expect(after.defined).toBe('IP');
      expect(after.page).toBe(before.page);
    });
  }
  for (const [name, source] of Object.entries(PHP_REFUSED)) {
    test(`${name}: refused with one line, nothing written`, async () => {
      const result = await addHooks('php7.2', 'code/index.php', source, ['index.initialize', 'index.preStop']);
      expect(result.refused?.message).toMatch(/^initializer: code\/index\.php /);
      expect(result.refused!.message).not.toContain('\n');
      expect(readFileSync(join(result.root, 'code/index.php'), 'utf8')).toBe(source);
    });
  }
});

const CS_HEAD = 'using System.IO;\nusing Aliyun.Serverless.Core;\n\nnamespace Acme.Orders\n{\n    public class Handler\n    {\n        public Stream StreamHandler(Stream input, IFcContext context)\n        {\n            var name = "x";\n';
const CS_TAIL = '            return input;\n        }\n    }\n}\n';
/** Method text; in an interpolated string, braces are doubled. */
const fakeMethods = (open: string, close: string) =>
  `        public void Initialize(IFcContext context)\n        ${open}\n        ${close}\n        public void PreStop(IFcContext context)\n        ${open}\n        ${close}\n`;
/** C# files whose strings hold text that reads like the hooks. */
const CSHARP_CASES: [string, string][] = [
  ['$@"..." with doubled quotes', `${CS_HEAD}            var text = $@"a ""{name}"" b\n${fakeMethods('{{', '}}')}";\n${CS_TAIL}`],
  ['@$"..." (C# 8)', `${CS_HEAD}            var text = @$"{name}\n${fakeMethods('{{', '}}')}";\n${CS_TAIL}`],
  ['@"..." with doubled quotes', `${CS_HEAD}            var text = @"say ""hi""\n${fakeMethods('{', '}')}";\n${CS_TAIL}`],
];

describe.runIf(hasMcs)('C#', () => {
  for (const [name, source] of CSHARP_CASES) {
    test(`${name}: the methods in the string are not the hooks; both are added and it compiles`, async () => {
      const result = await addHooks('dotnetcore3.1', 'OrdersApp/Program.cs', source, ['OrdersApp::Acme.Orders.Handler::Initialize', 'OrdersApp::Acme.Orders.Handler::PreStop']);
      expect(result.refused?.message).toBeUndefined();
      expect(result.notes).not.toMatch(/already has it/);
      const added = addedLines(source, result.after!);
      expect(added).toContain('        public void Initialize(IFcContext context)');
      expect(added).toContain('        public void PreStop(IFcContext context)');
      const stubs = run('find', [join(STUBS, 'dotnet'), '-name', '*.cs']).stdout.trim().split('\n');
      // mono's mcs predates C# 8's @$"...": compile the same string spelled $@"...".
      const program = join(tempDir('fc-cs-'), 'Program.cs');
      writeFileSync(program, result.after!.replaceAll('@$"', '$@"'));
      const compiled = run('mcs', ['-target:library', `-out:${join(tempDir('fc-cs-'), 'a.dll')}`, ...stubs, program]);
      expect(compiled.status, compiled.output).toBe(0);
    });
  }
});
