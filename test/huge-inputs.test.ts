// Issue 11, Minor: no raw RangeError ("Invalid string length", "Invalid typed array length") and no
// quadratic blow-up from inputs within the documented size limits. add's diff printer compared every
// changed line with every other (a table of lines x lines): a Java file of 2 MiB whose edit touches its
// top and its end made `add --dry-run` throw a RangeError, and one of 1 MiB took minutes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffLines } from '../src/hooks/diff.ts';
import { MAX_SOURCE_BYTES } from '../src/safe-fs.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli } from './helpers/safety.ts';

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
});
