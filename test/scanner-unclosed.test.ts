// Issue 11, class 12, for the Node.js, Python, Java and Go hook editors (PHP and C# have their cases in
// scanner-safety.test.ts): a code file that ends inside an unclosed comment or string, or (where the hook
// is appended at the top level: Node.js, Go) inside an unclosed `{` block, is refused with one line and
// left as it was. Appended there, the hook would be comment or string text, or nested in a function,
// while `add` reported success.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.ts';
import { applyHookPlan, planAddHooks, planRemoveHooks } from '../src/hooks/index.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';

interface Language {
  fixture: string;
  file: string;
  entries: [string, string];
  endings: Record<string, string>;
}

const LANGUAGES: Record<string, Language> = {
  'Node.js': {
    fixture: 'nodejs16-commonjs',
    file: 'code/index.js',
    entries: ['index.initialize', 'index.preStop'],
    endings: { 'block comment': '/* not closed\n', 'template literal': 'const text = `not closed\n', '{ block': 'function unfinished() {\n  return 1;\n' },
  },
  Python: {
    fixture: 'python3.10',
    file: 'src/main.py',
    entries: ['main.initialize', 'main.pre_stop'],
    endings: { '""" string': 'NOTE = """not closed\n', "''' string": "NOTE = '''not closed\n" },
  },
  Java: {
    fixture: 'java11',
    file: 'src/main/java/com/acme/orders/OrderHandler.java',
    entries: ['com.acme.orders.OrderHandler::initialize', 'com.acme.orders.OrderHandler::preStop'],
    endings: { 'block comment': '/* not closed\n' },
  },
  Go: {
    fixture: 'go1',
    file: 'code/main.go',
    entries: ['true', 'true'],
    endings: { 'block comment': '/* not closed\n', 'raw string': 'var text = `not closed\n', '{ block': 'func unfinished() {\n' },
  },
};

async function refusal(plan: () => Promise<unknown>): Promise<InputError> {
  try {
    await applyHookPlan((await plan()) as Parameters<typeof applyHookPlan>[0]);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('the edit was not refused');
}

const cases = Object.entries(LANGUAGES).flatMap(([name, language]) => Object.entries(language.endings).map(([ending, tail]) => [name, ending, language, tail] as const));

describe('a code file that ends inside something unclosed', () => {
  console.log(`scanner-unclosed: ${cases.length} cases, each for add and remove`);
  test.each(cases)('%s, %s: add and remove refuse with one line, the file is unchanged', async (_name, _ending, language, tail) => {
    const root = copyFixture(language.fixture);
    const path = join(root, language.file);
    const source = readFileSync(path, 'utf8') + tail;
    writeFileSync(path, source);
    for (const run of [
      () => planAddHooks({ dir: root, initializer: language.entries[0], preStop: language.entries[1] }, root),
      () => planRemoveHooks({ dir: root, initializer: true, preStop: true }, root),
    ]) {
      const error = await refusal(run);
      expect(error.message).toContain(`${language.file} ends inside an unclosed`);
      expect(error.message).not.toContain('\n');
      expect(readFileSync(path, 'utf8')).toBe(source);
    }
  });
});
