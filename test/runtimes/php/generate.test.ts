// PHP projects are generated to disk and run with php: lint, the generated test script, and a check
// that each s.yaml entry names a function with the parameters FC passes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { php } from '../../../src/runtimes/php/generate.ts';
import { generateProject, HOOK_COMBINATIONS, sYamlEntries } from '../../helpers/generate.ts';
import { run, useToolchain } from '../../helpers/toolchain.ts';

const hasPhp = useToolchain('php', ['--version'], 'apt-get install -y php-cli');

const SIGNATURES = `
$GLOBALS['fcLogger'] = null;
$out = [];
foreach (json_decode($argv[1], true) as $key => $entry) {
    list($file, $name) = explode('.', $entry, 2);
    require_once 'code/' . $file . '.php';
    $out[$key] = function_exists($name)
        ? array_map(function ($p) { return $p->getName(); }, (new ReflectionFunction($name))->getParameters())
        : null;
}
echo json_encode($out);
`;

describe.runIf(hasPhp).each(php.ids)('%s', (runtime) => {
  test.each(HOOK_COMBINATIONS)('$name: lints, and the generated test script passes', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    for (const file of plan.files.filter((f) => f.path.endsWith('.php'))) {
      const lint = run('php', ['-l', file.path], { cwd: root });
      expect(lint.status, lint.output).toBe(0);
    }
    const result = run('php', ['tests/lifecycle_test.php'], { cwd: root });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  test.each(HOOK_COMBINATIONS)('$name: every s.yaml entry resolves to a function with the FC signature', async ({ answers }) => {
    const { root, plan } = await generateProject({ runtime, ...answers });
    const entries = Object.fromEntries(Object.entries(sYamlEntries(plan)).filter(([, v]) => v !== undefined));
    const result = run('php', ['-r', SIGNATURES, JSON.stringify(entries)], { cwd: root });
    expect(result.status, result.output).toBe(0);
    const expected: Record<string, string[]> = { handler: ['event', 'context'] };
    if ((answers as Record<string, unknown>).initializer !== false) expected.initializer = ['context'];
    if ((answers as Record<string, unknown>).preStop !== false) expected.preStop = ['context'];
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });
});

test.runIf(hasPhp)('a non-idempotent initializer makes the generated test fail', async () => {
  const { root } = await generateProject({ runtime: 'php7.2' });
  const entry = join(root, 'code', 'index.php');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace("    if ($GLOBALS['resource'] !== null) {\n        return;\n    }\n", ''));
  const result = run('php', ['tests/lifecycle_test.php'], { cwd: root });
  expect(result.status).not.toBe(0);
  expect(result.stdout).toMatch(/not ok - the initializer sets the resource up once; its second run reuses it/);
});
