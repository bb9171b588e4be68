// Safety guarantees of add/remove/doctor against hostile files (issue 11, classes 1, 2, 7 and 8): bytes
// that are not UTF-8 are never re-encoded (refused with one line), nothing outside the project is read
// for an edit or written, links inside the project are edited where they point, only regular files are
// read (a FIFO or a device never hangs a run), and sizes are bounded. Each case checks the whole tree,
// and the directory outside it, byte for byte.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_S_YAML_BYTES, MAX_SOURCE_BYTES } from '../src/safe-fs.ts';
import { tempDir } from './helpers/generate.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli, leftovers, runBin, snapshot } from './helpers/safety.ts';

const ADD = ['add', '.', '--initializer', 'main.initialize', '--pre-stop', 'main.preStop', '--yes'];
const REMOVE = ['remove', '.', '--pre-stop', '--yes'];
const counts: Record<string, number> = {};
afterAll(() => console.log(`safety-hostile-files: cases run per class ${JSON.stringify(counts)}`));
const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);

/** A python3.10 project (s.yaml, src/main.py) and a directory beside it standing for "outside". */
function project(): { root: string; outside: string } {
  const root = copyFixture('python3.10');
  const outside = join(root, '..', 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'main.py'), 'def handle(event, context):\n    return "outside"\n');
  writeFileSync(join(outside, 's.yaml'), readFileSync(join(root, 's.yaml')));
  return { root, outside };
}

/** Runs args in-process; expects exit 1, one `error: <field>: <rule>` line, and no byte changed anywhere. */
async function expectRefused(args: string[], root: string, outside: string, rule: RegExp) {
  const before = [snapshot(root), snapshot(outside)];
  const result = await cli(args, root);
  expect(result.stderr).toMatch(/^error: [\w.-]+: [^\n]+\n$/);
  expect(result.stderr).toMatch(rule);
  expect(result.status).toBe(1);
  expect([snapshot(root), snapshot(outside)]).toEqual(before);
  expect(leftovers(root, outside)).toEqual([]);
}

const LATIN1_COMMENT = Buffer.from('# caf\xe9 r\xe9sum\xe9\n', 'latin1');

describe('class 1: bytes that are not UTF-8 text are never re-encoded', () => {
  const cases: { name: string; file: string; bytes: (old: Buffer) => Buffer; args?: string[] }[] = [
    { name: 'a latin-1 comment in the handler file', file: 'src/main.py', bytes: (old) => Buffer.concat([LATIN1_COMMENT, old]) },
    { name: 'a latin-1 comment in s.yaml', file: 's.yaml', bytes: (old) => Buffer.concat([old, LATIN1_COMMENT]) },
    { name: 'binary bytes in the handler file', file: 'src/main.py', bytes: (old) => Buffer.concat([old, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x0a])]) },
    { name: 'a UTF-16 handler file with a BOM', file: 'src/main.py', bytes: (old) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(old.toString('utf8'), 'utf16le')]) },
    { name: 'a UTF-16 handler file without a BOM', file: 'src/main.py', bytes: (old) => Buffer.from(old.toString('utf8'), 'utf16le') },
    { name: 'a UTF-16 s.yaml', file: 's.yaml', bytes: (old) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(old.toString('utf8'), 'utf16le')]) },
    { name: 'a latin-1 handler file, remove', file: 'src/main.py', bytes: (old) => Buffer.concat([LATIN1_COMMENT, old, Buffer.from('\ndef preStop(context):\n    pass\n')]), args: REMOVE },
  ];
  test.each(cases)('$name: refused with one line, every byte kept', async ({ file, bytes, args }) => {
    count('1');
    const { root, outside } = project();
    writeFileSync(join(root, file), bytes(readFileSync(join(root, file))));
    await expectRefused(args ?? ADD, root, outside, /UTF-8|UTF-16|NUL/);
  });

  test('a UTF-8 BOM, CRLF line ends and a missing final newline survive an edit', async () => {
    count('1');
    const { root } = project();
    const code = Buffer.from(`\ufeff${readFileSync(join(root, 'src/main.py'), 'utf8').replace(/\n/g, '\r\n').trimEnd()}`);
    const yaml = Buffer.from(`\ufeff${readFileSync(join(root, 's.yaml'), 'utf8').replace(/\n/g, '\r\n')}`);
    writeFileSync(join(root, 'src/main.py'), code);
    writeFileSync(join(root, 's.yaml'), yaml);
    const result = await cli(ADD, root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const after = readFileSync(join(root, 'src/main.py'));
    expect(after.subarray(0, code.length).equals(code), 'the old bytes are a prefix of the new file').toBe(true);
    expect(after.subarray(code.length).toString('utf8')).not.toMatch(/[^\r]\n/);
    const yamlAfter = readFileSync(join(root, 's.yaml'));
    expect(yamlAfter.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(yamlAfter.toString('utf8')).not.toMatch(/[^\r]\n/);
  });
});

describe('class 2: nothing outside the project is edited', () => {
  const setCode = (root: string, code: string) => {
    const path = join(root, 's.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('code: ./src', `code: ${code}`));
  };
  const cases: { name: string; setup: (root: string, outside: string) => void; rule: RegExp }[] = [
    { name: 'props.code ../outside', setup: (root) => setCode(root, '../outside'), rule: /outside the project/ },
    { name: 'props.code an absolute path outside', setup: (root, outside) => setCode(root, outside), rule: /outside the project/ },
    { name: 'code/ a link to a directory outside', setup: (root, outside) => { rmSync(join(root, 'src'), { recursive: true }); symlinkSync(outside, join(root, 'src')); }, rule: /outside the project/ },
    { name: 'the handler file a link to a file outside', setup: (root, outside) => { rmSync(join(root, 'src/main.py')); symlinkSync(join(outside, 'main.py'), join(root, 'src/main.py')); }, rule: /outside the project/ },
    { name: 's.yaml a link to a file outside', setup: (root, outside) => { rmSync(join(root, 's.yaml')); symlinkSync(join(outside, 's.yaml'), join(root, 's.yaml')); }, rule: /outside the project/ },
  ];
  test.each(cases)('$name: refused with one line, nothing written inside or outside', async ({ setup, rule }) => {
    count('2');
    const { root, outside } = project();
    setup(root, outside);
    await expectRefused(ADD, root, outside, rule);
  });
});

describe('class 8: a link inside the project is edited where it points, and stays a link', () => {
  test('s.yaml a link to config/s.yaml; src/main.py a link to src/real.py', async () => {
    count('8');
    const { root } = project();
    mkdirSync(join(root, 'config'));
    renameSync(join(root, 's.yaml'), join(root, 'config/s.yaml'));
    symlinkSync('config/s.yaml', join(root, 's.yaml'));
    renameSync(join(root, 'src/main.py'), join(root, 'src/real.py'));
    symlinkSync('real.py', join(root, 'src/main.py'));
    const result = await cli(ADD, root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const tree = snapshot(root);
    expect(tree['s.yaml']).toBe('-> config/s.yaml');
    expect(tree['src/main.py']).toBe('-> real.py');
    expect(readFileSync(join(root, 'config/s.yaml'), 'utf8')).toMatch(/initializer:\s+handler: main\.initialize/);
    expect(readFileSync(join(root, 'src/real.py'), 'utf8')).toMatch(/def initialize\(context\)/);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('class 7: only regular files are read, and only up to a limit', () => {
  // Spawned (the old code hung on these, which an in-process test could not survive).
  const cases: { name: string; args: string[]; setup: (root: string) => void; rule: RegExp }[] = [
    { name: 's.yaml a FIFO (add)', args: ADD, setup: (root) => { rmSync(join(root, 's.yaml')); execFileSync('mkfifo', [join(root, 's.yaml')]); }, rule: /not a regular file/ },
    { name: 'the handler file a FIFO (add)', args: ADD, setup: (root) => { rmSync(join(root, 'src/main.py')); execFileSync('mkfifo', [join(root, 'src/main.py')]); }, rule: /not a regular file/ },
    { name: 's.yaml a FIFO (doctor)', args: ['doctor', '.'], setup: (root) => { rmSync(join(root, 's.yaml')); execFileSync('mkfifo', [join(root, 's.yaml')]); }, rule: /not a regular file/ },
    { name: 's.yaml a link to /dev/zero (doctor)', args: ['doctor', '.'], setup: (root) => { rmSync(join(root, 's.yaml')); symlinkSync('/dev/zero', join(root, 's.yaml')); }, rule: /not a regular file/ },
    { name: 's.yaml a link to /dev/zero (add)', args: ADD, setup: (root) => { rmSync(join(root, 's.yaml')); symlinkSync('/dev/zero', join(root, 's.yaml')); }, rule: /outside the project|not a regular file/ },
    { name: `s.yaml over ${MAX_S_YAML_BYTES} bytes (add)`, args: ADD, setup: (root) => appendFileSync(join(root, 's.yaml'), `# ${'x'.repeat(78)}\n`.repeat(MAX_S_YAML_BYTES / 40)), rule: /over the \d+-byte limit/ },
    { name: `a source file over ${MAX_SOURCE_BYTES} bytes (doctor)`, args: ['doctor', '.'], setup: (root) => appendFileSync(join(root, 'src/main.py'), `# ${'x'.repeat(78)}\n`.repeat(MAX_SOURCE_BYTES / 40)), rule: /over the \d+-byte limit/ },
  ];
  if (process.getuid?.() === 0) {
    // mknod needs root: a character device (/dev/zero's numbers) inside the project.
    cases.push({ name: 'the handler file a device (add)', args: ADD, setup: (root) => { rmSync(join(root, 'src/main.py')); execFileSync('mknod', [join(root, 'src/main.py'), 'c', '1', '5']); }, rule: /not a regular file/ });
  }
  test.each(cases)('$name: refused at once with one line', ({ args, setup, rule }) => {
    count('7');
    const root = join(tempDir('fc-hostile-'), 'p');
    execFileSync('cp', ['-r', copyFixture('python3.10'), root]);
    setup(root);
    const started = Date.now();
    const result = runBin(args, root, 15_000);
    expect(result.status, `${result.stderr} (null: killed after hanging)`).toBe(1);
    expect(result.stderr).toMatch(/^error: [\w.-]+: [^\n]+\n$/);
    expect(result.stderr).toMatch(rule);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
