// Issue 11, Minor: no raw RangeError ("Invalid string length", "Invalid typed array length") and no
// quadratic blow-up from inputs within the documented size limits. add's diff printer compared every
// changed line with every other (a table of lines x lines): a Java file of 2 MiB whose edit touches its
// top and its end made `add --dry-run` throw a RangeError, and one of 1 MiB took minutes. doctor named
// every resource that shares a code file in each finding there, so its output grew as resources times
// findings: 900 resources with 1,000-character names (a 1 MiB s.yaml) and 300 findings in their server
// are over 512 MiB, past the longest string V8 makes ("Invalid string length").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffLines } from '../src/hooks/diff.ts';
import { MAX_SOURCE_BYTES } from '../src/safe-fs.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli } from './helpers/safety.ts';
import { tempDir } from './helpers/generate.ts';

const JAVA = 'src/main/java/com/acme/orders/OrderHandler.java';

describe('huge inputs within the limits', () => {
  test('add --dry-run on a Java file just under the source limit: the diff in seconds, no RangeError', async () => {
    const root = copyFixture('java11');
    const path = join(root, JAVA);
    const source = readFileSync(path, 'utf8');
    const lines: string[] = [];
    let size = source.length;
    for (let i = 0; size + 24 < MAX_SOURCE_BYTES; i += 1) {
      lines.push(`    int field${i};`);
      size += lines.at(-1)!.length + 1;
    }
    writeFileSync(path, source.replace('    /* a helper', `${lines.join('\n')}\n    /* a helper`));
    console.log(`huge-inputs: ${JAVA} of ${size} bytes, ${lines.length} lines between the two edits`);
    const started = Date.now();
    const result = await cli(['add', '--initializer', 'com.acme.orders.OrderHandler::initialize', '--dry-run'], root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    const added = result.stdout.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'));
    expect(added).toContain('+import com.aliyun.fc.runtime.FunctionInitializer;');
    expect(added).toContain('+    public void initialize(Context context) throws IOException {');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toEqual(['-public class OrderHandler implements StreamRequestHandler {']);
  }, 60_000);

  test('a diff of two long texts that differ everywhere is still a correct diff (every line kept, removed or added once)', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join('\n');
    const diff = diffLines(before, after);
    expect(diff.filter((line) => line.op === '-').map((line) => line.text).join('\n')).toBe(before);
    expect(diff.filter((line) => line.op === '+').map((line) => line.text).join('\n')).toBe(after);
    expect(diff.filter((line) => line.op === ' ')).toEqual([]);
  });

  test('long texts with a few edits: the diff turns one into the other with just those edits (seeded, 30 cases)', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round += 1) {
      const before = Array.from({ length: 3000 }, () => `line ${random(50)}`);
      const after = [...before];
      let edits = 0;
      for (let e = 0; e < 1 + random(20); e += 1) {
        const at = random(after.length);
        if (random(2) === 0) after.splice(at, 0, `new ${e}`);
        else after.splice(at, 1);
        edits += 1;
      }
      const diff = diffLines(before.join('\n'), after.join('\n'));
      expect(diff.filter((line) => line.op !== '+').map((line) => line.text), `round ${round}`).toEqual(before);
      expect(diff.filter((line) => line.op !== '-').map((line) => line.text), `round ${round}`).toEqual(after);
      expect(diff.filter((line) => line.op !== ' ').length, `round ${round}`).toBeLessThanOrEqual(edits);
    }
  });

  test('doctor on many resources sharing code with many findings: each line stays short, --json stays valid', async () => {
    const RESOURCES = 60;
    const LISTENS = 40;
    const root = tempDir('fc-many-findings-');
    const resource = (i: number) =>
      `  ${'r'.repeat(200)}${i}:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      functionName: f${i}\n      runtime: custom.debian10\n      code: ./code\n      customRuntimeConfig:\n        command: [node, server.js]\n        port: 9000\n`;
    writeFileSync(join(root, 's.yaml'), `edition: 3.0.0\nname: many\nresources:\n${Array.from({ length: RESOURCES }, (_, i) => resource(i)).join('')}`);
    mkdirSync(join(root, 'code'));
    const listens = Array.from({ length: LISTENS }, (_, i) => `server.listen(${8000 + i}, '127.0.0.1');`).join('\n');
    writeFileSync(join(root, 'code/server.js'), `const http = require('http');\nconst server = http.createServer((req, res) => res.end('ok'));\n${listens}\n`);
    const text = await cli(['doctor'], root);
    const lines = text.stdout.trimEnd().split('\n');
    console.log(`huge-inputs: doctor, ${RESOURCES} resources x ${LISTENS} listen calls: ${lines.length} lines, the longest ${Math.max(...lines.map((line) => line.length))} characters`);
    expect(lines.length).toBeGreaterThan(2 * LISTENS);
    for (const line of lines) expect(line.length).toBeLessThan(2000);
    expect(lines.find((line) => line.includes('custom-listen-address'))).toMatch(/resources r+0, r+1, r+2 and 57 more: /);
    const json = await cli(['doctor', '--json'], root);
    const findings = JSON.parse(json.stdout) as { message: string }[];
    expect(findings.length).toBe(lines.length - 1);
    expect(json.stdout).toBe(`${JSON.stringify(findings, null, 2)}\n`);
  });
});
