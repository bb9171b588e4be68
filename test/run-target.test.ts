// `run` is shared by every family: what differs per family (where the instance runs, how it starts) is
// in the family's runner (src/runtimes/<family>/run.ts), so src/run/ names no family or runtime id.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FAMILIES } from '../src/runtimes/index.ts';

const RUN = join(import.meta.dirname, '..', 'src', 'run');

test('no file of src/run/ names a runtime family or a runtime id by its string', () => {
  const ids = FAMILIES.flatMap((family) => [family.id, ...family.generator.ids]);
  const named = readdirSync(RUN).flatMap((name) => {
    const text = readFileSync(join(RUN, name), 'utf8');
    return ids.filter((id) => new RegExp(`['"\`]${id.replace(/\./g, '\\.')}['"\`]`).test(text)).map((id) => `${name}: ${id}`);
  });
  expect(named).toEqual([]);
});
