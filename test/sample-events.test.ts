// events/ in every generated project: event.json always, http.json when an HTTP trigger calls a handler
// that reads FC3's HTTP event. The README shows them, the editor's run task and the README's run line
// pass the right one to `run --event`, and the generated tests read them (a project without its
// event.json fails its own test). The per-family tests run every generated test with these files.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RUNTIMES } from '../src/runtimes/generators.ts';
import { SAMPLE_EVENT } from '../src/sample-events.ts';
import type { Answers } from '../src/spec.ts';
import { generateProject, planFor } from './helpers/generate.ts';
import { runCommand } from './helpers/run-cli.ts';
import { run, useToolchain } from './helpers/toolchain.ts';

const hasPython = useToolchain('python3');

const CASES: { answers: Answers; http: boolean }[] = RUNTIMES.flatMap((definition) =>
  definition.ids.flatMap((runtime) => [
    { answers: { runtime }, http: false },
    { answers: { runtime, trigger: 'http' }, http: definition.httpTrigger === 'handler' },
  ]),
);

describe('every generated project', () => {
  test.each(CASES.map((c) => [JSON.stringify(c.answers), c] as const))('%s: events/, shown in the README, passed to run', async (_, { answers, http }) => {
    const plan = await planFor(answers);
    const file = (path: string) => plan.files.find((f) => f.path === path)?.contents;
    const events = plan.files.map((f) => f.path).filter((path) => path.startsWith('events/'));
    expect(events).toEqual(http ? ['events/event.json', 'events/http.json'] : ['events/event.json']);
    expect(file('events/event.json')).toBe(SAMPLE_EVENT);
    const readme = file('README.md')!;
    for (const path of events) {
      expect(readme).toContain(`| \`${path}\` |`);
      expect(readme).toContain(`\`\`\`json\n${file(path)!.trimEnd()}\n\`\`\``);
    }
    const runEvent = http ? 'events/http.json' : 'events/event.json';
    expect(readme).toContain(`npx --yes create-fc-lifecycle@latest run . --event ${runEvent}\n`);
    expect(JSON.parse(file('.vscode/tasks.json')!).tasks.find((t: { label: string }) => t.label === 'run locally like FC').command).toBe(
      `npx --yes create-fc-lifecycle@latest run . --event ${runEvent}`,
    );
    if (answers.trigger === 'http') expect(readme).toMatch(/`s info` prints its URL/);
  });

  test('the sample HTTP event has FC3\'s shape, its body base64', async () => {
    const plan = await planFor({ runtime: 'nodejs20', trigger: 'http', region: 'ap-southeast-1' });
    const event = JSON.parse(plan.files.find((f) => f.path === 'events/http.json')!.contents);
    expect(Object.keys(event)).toEqual(['version', 'rawPath', 'headers', 'queryParameters', 'body', 'isBase64Encoded', 'requestContext']);
    expect(Object.keys(event.requestContext)).toEqual(['accountId', 'domainName', 'domainPrefix', 'http', 'requestId', 'time', 'timeEpoch']);
    expect(Object.keys(event.requestContext.http)).toEqual(['method', 'path', 'protocol', 'sourceIp', 'userAgent']);
    expect(event.requestContext.domainName).toBe('example.ap-southeast-1.fcapp.run');
    expect(Number(event.requestContext.timeEpoch)).toBe(Date.parse(event.requestContext.time));
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64').toString('utf8')).toBe('{"greeting":"hello"}');
  });
});

describe('the generated tests read events/', () => {
  test.each([
    ['nodejs20', ['npm', ['test', '--silent']]],
    ['nodejs20 http', ['npm', ['test', '--silent']]],
    ...(hasPython ? [['python3.12', ['python3', ['-m', 'unittest', 'discover', '-s', 'tests']]], ['custom.debian12', ['python3', ['-m', 'unittest', 'discover', '-s', 'tests']]]] : []),
  ] as [string, [string, string[]]][])('%s: without its sample event the test fails', async (name, [command, args]) => {
    const [runtime, trigger] = name.split(' ');
    const { root } = await generateProject({ runtime, ...(trigger && { trigger }) });
    expect(run(command, args, { cwd: root }).status, 'passes with events/').toBe(0);
    rmSync(join(root, 'events', trigger ? 'http.json' : 'event.json'));
    const result = run(command, args, { cwd: root });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/ENOENT|No such file/);
  });
});

test('run --event events/event.json: the generated project\'s sample event goes to every invocation', async () => {
  const { root } = await generateProject({ runtime: 'nodejs20' });
  const result = await runCommand(['--event', 'events/event.json', '--invocations', '2', '--json'], root);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  const steps = JSON.parse(result.stdout).steps.filter((step: { kind: string }) => step.kind === 'invoke');
  expect(steps.map((step: { ok: boolean }) => step.ok)).toEqual([true, true]);
});
