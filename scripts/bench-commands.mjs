// The part of `npm run bench` that measures the commands that read an existing project (doctor, add,
// remove, and run's start-up) against a generation (`create-fc-lifecycle my-fn --runtime nodejs20 --yes`) timed in the
// same run: alternating pairs, the ratio being the median of the per-pair ratios, next to its goal.
// Projects: the generated function itself, and s.yaml files with 100 and 1,000 fc3 resources, each a
// copy of the generated resource with its own copy of the code directory (a monorepo of functions).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const stats = (ms) => ({ median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs: ms.length });

const GNU_TIME = '/usr/bin/time';

/** One whole process in `cwd`: wall milliseconds, and max RSS in KB under GNU time. A failing run stops the bench. */
export function timeProcess(command, cwd, { memory = false, work } = {}) {
  const rssFile = join(work, 'rss.txt');
  const [file, args] = memory ? [GNU_TIME, ['-f', '%M', '-o', rssFile, ...command]] : [command[0], command.slice(1)];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stderr: result.stderr, rssKb: memory ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : undefined };
}

/** A project whose s.yaml has `count` copies of the generated function's resource, each with its own code copy. */
function manyResources(generated, dir, count) {
  mkdirSync(dir);
  const text = readFileSync(join(generated, 's.yaml'), 'utf8');
  const at = text.indexOf('\nresources:\n') + '\nresources:\n'.length;
  const resource = text.slice(at);
  let out = text.slice(0, at);
  for (let i = 0; i < count; i += 1) {
    cpSync(join(generated, 'code'), join(dir, `fn-${i}`), { recursive: true });
    out += resource.replace(/^ {2}my-fn:/m, `  fn-${i}:`).replace('functionName: my-fn', `functionName: fn-${i}`).replace('code: ./code', `code: ./fn-${i}`);
  }
  writeFileSync(join(dir, 's.yaml'), out);
  return { dir, resource: 'fn-0', codeFile: join(dir, 'fn-0', 'index.mjs') };
}

/**
 * Times doctor, remove and add against a generation, `pairs` alternating pairs each; peak memory
 * (GNU time, when present) the median of `memoryRuns` runs. `cli` is the installed bin.
 */
export function benchCommands({ cli, work, pairs, memoryRuns, hasGnuTime }) {
  const node = process.execPath;
  const fail = (command, run) => {
    throw new Error(`${command.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  };
  const generate = (memory = false) => {
    const cwd = mkdtempSync(join(work, 'gen-'));
    const command = [node, cli, 'my-fn', '--runtime', 'nodejs20', '--yes'];
    const run = timeProcess(command, cwd, { memory, work });
    const wrote = readdirSync(cwd).length;
    rmSync(cwd, { recursive: true, force: true });
    if (run.status !== 0 || wrote === 0) fail(command, run);
    return run;
  };

  const base = mkdtempSync(join(work, 'projects-'));
  spawnSync(node, [cli, 'my-fn', '--runtime', 'nodejs20', '--yes'], { cwd: base, stdio: 'ignore' });
  const generated = join(base, 'my-fn');
  const projects = {
    1: { dir: generated, resource: 'my-fn', codeFile: join(generated, 'code', 'index.mjs') },
    100: manyResources(generated, join(base, 'r100'), 100),
    1000: manyResources(generated, join(base, 'r1000'), 1000),
  };
  const original = Object.fromEntries(Object.entries(projects).map(([n, p]) => [n, { sYaml: readFileSync(join(p.dir, 's.yaml')), code: readFileSync(p.codeFile) }]));
  // Each remove starts from the generated state and each add from the removed one, so both change files.
  const restore = (n) => {
    writeFileSync(join(projects[n].dir, 's.yaml'), original[n].sYaml);
    writeFileSync(projects[n].codeFile, original[n].code);
  };
  const edit = (verb, n) => [node, cli, verb, projects[n].dir, '--pre-stop', ...(verb === 'add' ? ['index.preStop'] : []), '--resource', projects[n].resource, '--yes'];
  const removed = (n) => {
    restore(n);
    const command = edit('remove', n);
    const run = timeProcess(command, work, { work });
    if (run.status !== 0) fail(command, run);
  };
  const cases = [
    { name: 'doctor, 1 function', goal: 1.2, size: 1, command: () => [node, cli, 'doctor', projects[1].dir] },
    { name: 'doctor, 100 resources', size: 100, command: () => [node, cli, 'doctor', projects[100].dir] },
    { name: 'doctor, 1,000 resources', goal: 4, memoryGoalMb: 100, size: 1000, command: () => [node, cli, 'doctor', projects[1000].dir] },
    { name: 'remove --pre-stop, 1 function', goal: 1.2, size: 1, before: () => restore(1), command: () => edit('remove', 1) },
    { name: 'add --pre-stop, 1 function', goal: 1.2, size: 1, before: () => removed(1), command: () => edit('add', 1) },
    { name: 'remove --pre-stop, 1,000 resources', goal: 4, memoryGoalMb: 100, size: 1000, before: () => restore(1000), command: () => edit('remove', 1000) },
    { name: 'add --pre-stop, 1,000 resources', goal: 4, memoryGoalMb: 100, size: 1000, before: () => removed(1000), command: () => edit('add', 1000) },
    // `run` starts a Node process for the function itself; its own start-up is the whole run less that
    // process's, taken as a bare `node -e 0` timed right after it.
    { name: 'run, 1 function (start-up: the whole run less a bare node start)', goal: 1.2, size: 1, lessFloor: true, command: () => [node, cli, 'run', projects[1].dir] },
  ];
  const runCase = (item, memory = false) => {
    item.before?.();
    const command = item.command();
    const run = timeProcess(command, work, { memory, work });
    // doctor exits 1 when it finds an error: the projects here have none, so any exit but 0 is a failure.
    if (run.status !== 0) fail(command, run);
    return item.lessFloor && !memory ? { ...run, ms: run.ms - timeProcess([node, '-e', '0'], work, { work }).ms } : run;
  };

  generate();
  for (const item of cases) runCase(item);
  const generation = [];
  const samples = cases.map(() => ({ ours: [], generation: [] }));
  for (let pair = 0; pair < pairs; pair += 1) {
    cases.forEach((item, i) => {
      // Alternate which one goes first, so neither always runs on a warmer machine.
      const first = pair % 2 === 0;
      if (!first) samples[i].generation.push(generate().ms);
      samples[i].ours.push(runCase(item).ms);
      if (first) samples[i].generation.push(generate().ms);
    });
    generation.push(...samples.map((s) => s.generation.at(-1)));
    process.stderr.write(`\rcommands pair ${pair + 1}/${pairs}`);
  }
  process.stderr.write('\n');

  const peakKb = (run) => (hasGnuTime ? median(Array.from({ length: memoryRuns }, () => run().rssKb)) : null);
  const generationKb = peakKb(() => generate(true));
  const rows = cases.map((item, i) => {
    const { ours, generation: theirs } = samples[i];
    return {
      command: item.name,
      ...stats(ours),
      samples: ours,
      ratio: median(ours.map((ms, pair) => ms / theirs[pair])),
      goal: item.goal ?? null,
      peakRssKb: peakKb(() => runCase(item, true)),
      memoryGoalMb: item.memoryGoalMb ?? null,
      size: item.size,
    };
  });
  rmSync(base, { recursive: true, force: true });
  const doctorBySize = Object.fromEntries(rows.filter((row) => row.command.startsWith('doctor')).map((row) => [row.size, row.median]));
  // Linear: the cost above one function's grows with the resources (10x from 100 to 1,000).
  const growth = (doctorBySize[1000] - doctorBySize[1]) / (doctorBySize[100] - doctorBySize[1]);
  return { generation: { ...stats(generation), peakRssKb: generationKb }, rows, growth };
}

/** The commands table: each ratio and peak memory next to its goal. */
export function commandsTable({ generation, rows, growth }) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const memory = (kb) => (kb ? `${(kb / 1024).toFixed(1)} MB` : 'n/a');
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  return [
    line(['command', 'median ms', 'min ms', 'max ms', 'ratio vs generation (median of pairs)', 'goal', 'peak memory', 'memory goal']),
    line(['---', '---:', '---:', '---:', '---:', '---', '---:', '---']),
    ...rows.map((row) => line([
      `create-fc-lifecycle ${row.command}`, row.median.toFixed(1), row.min.toFixed(1), row.max.toFixed(1), row.ratio.toFixed(2),
      row.goal === null ? '' : `<= ${row.goal} (${verdict(row.ratio <= row.goal)})`,
      memory(row.peakRssKb),
      row.memoryGoalMb === null || !row.peakRssKb ? '' : `< ${row.memoryGoalMb} MB (${verdict(row.peakRssKb / 1024 < row.memoryGoalMb)})`,
    ])),
    line(['create-fc-lifecycle my-fn --runtime nodejs20 --yes (generation)', generation.median.toFixed(1), generation.min.toFixed(1), generation.max.toFixed(1), '1.00', '', memory(generation.peakRssKb), '']),
    '',
    `doctor growth from 100 to 1,000 resources (above one function's cost): ${growth.toFixed(1)}x for 10x the resources (linear: about 10)`,
  ].join('\n');
}
