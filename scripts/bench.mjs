// `npm run bench [-- --pairs N --runtimes id,id]`: what `npm create fc-lifecycle` costs a user, next to
// create-vite. Packs this package (prepack builds it), installs the tarball and create-vite from the npm
// registry into a temp dir, then times whole processes: for every runtime id the built package exports,
// N alternating pairs of `create-fc-lifecycle my-fn --runtime <id> --yes` and
// `create-vite myapp --template vanilla-ts`, each run in a fresh empty directory, plus `node -e 0` as
// the floor. Peak memory is the max RSS reported by GNU time, taken the same way for both.
// Then doctor, remove, add and run's start-up (scripts/bench-commands.mjs) on one generated function and on s.yaml files
// with 100 and 1,000 fc3 resources, each against a generation timed in the same pairs, with its goal.
// `--offline` needs no registry: it installs only the packed tarball (npm --offline) and skips
// create-vite, printing the commands' ratios against a generation only.
// Prints tables and writes bench-results/latest.json. Figures, not a test: timings on a busy machine
// are noisy, so compare the ratio from one run, not absolute times across machines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchCommands, commandsTable, median, stats } from './bench-commands.mjs';

const { values: options } = parseArgs({
  options: {
    pairs: { type: 'string', default: '10' },
    runtimes: { type: 'string' },
    'memory-runs': { type: 'string', default: '3' },
    offline: { type: 'boolean', default: false },
  },
});
const pairs = Number(options.pairs);
const memoryRuns = Number(options['memory-runs']);
if (!Number.isInteger(pairs) || pairs < 1 || !Number.isInteger(memoryRuns) || memoryRuns < 1) {
  throw new Error('--pairs and --memory-runs must be whole numbers >= 1');
}

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'fc-bench-'));
const GNU_TIME = '/usr/bin/time';
const npmQuiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Installs `spec` alone into a new prefix; returns its directory in node_modules. */
function install(spec, name) {
  const prefix = join(work, `install-${name}`);
  mkdirSync(prefix);
  writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
  npm(['install', ...npmQuiet, ...(options.offline ? ['--offline'] : []), spec], prefix);
  return join(prefix, 'node_modules', name);
}

/** Bytes on disk (like du) and package count of a node_modules tree. */
function footprint(nodeModules) {
  let bytes = 0;
  let packages = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      bytes += lstatSync(path).blocks * 512;
      if (entry.isDirectory()) walk(path);
    }
  };
  const countPackages = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.name.startsWith('@')) countPackages(path);
      else if (existsSync(join(path, 'package.json'))) {
        packages += 1;
        if (existsSync(join(path, 'node_modules'))) countPackages(join(path, 'node_modules'));
      }
    }
  };
  walk(nodeModules);
  countPackages(nodeModules);
  return { bytes, packages };
}

/**
 * One whole process in a fresh empty directory: wall milliseconds (and max RSS in KB with GNU time).
 * A scaffolder that exits non-zero or writes nothing stops the bench: a failing run is not a fast one.
 */
function runOnce(command, { memory = false, writes = true } = {}) {
  const cwd = mkdtempSync(join(work, 'run-'));
  const rssFile = join(work, 'rss.txt');
  const [file, args] = memory ? [GNU_TIME, ['-f', '%M', '-o', rssFile, ...command]] : [command[0], command.slice(1)];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const created = readdirSync(cwd);
  rmSync(cwd, { recursive: true, force: true });
  if (result.status !== 0 || (writes && created.length === 0)) {
    throw new Error(`${command.join(' ')} failed (exit ${result.status}, wrote ${created.length} entries): ${result.stderr}`);
  }
  return { ms, rssKb: memory ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : undefined };
}


/**
 * Generation against create-vite (from the registry), every runtime in `runtimes`: prints the table and
 * returns what latest.json records of it.
 */
async function againstCreateVite(ours, oursPkg, packages) {
  const vite = install('create-vite', 'create-vite');
  const vitePkg = JSON.parse(readFileSync(join(vite, 'package.json'), 'utf8'));
  packages['create-vite'] = { version: vitePkg.version, ...footprint(join(work, 'install-create-vite', 'node_modules')) };

  const { RUNTIME_IDS } = await import(pathToFileURL(join(ours, 'dist', 'index.js')).href);
  const runtimes = options.runtimes ? options.runtimes.split(',') : [...RUNTIME_IDS];
  const unknown = runtimes.filter((id) => !RUNTIME_IDS.includes(id));
  if (unknown.length > 0) throw new Error(`unknown runtime ids: ${unknown.join(', ')} (known: ${RUNTIME_IDS.join(', ')})`);

  const node = process.execPath;
  const oursCommand = (id) => [node, join(ours, oursPkg.bin['create-fc-lifecycle']), 'my-fn', '--runtime', id, '--yes'];
  const viteCommand = [node, join(vite, typeof vitePkg.bin === 'string' ? vitePkg.bin : vitePkg.bin['create-vite']), 'myapp', '--template', 'vanilla-ts'];
  const floorCommand = [node, '-e', '0'];
  const floorRun = (memory = false) => runOnce(floorCommand, { memory, writes: false });

  // Warm the file cache so the first pair is not the only one that reads from disk.
  runOnce(oursCommand(runtimes[0]));
  runOnce(viteCommand);

  const times = Object.fromEntries(runtimes.map((id) => [id, { ours: [], vite: [] }]));
  const floor = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    floor.push(floorRun().ms);
    for (const id of runtimes) {
      // Alternate which one goes first, so neither always runs on a warmer machine.
      if (pair % 2 === 0) {
        times[id].ours.push(runOnce(oursCommand(id)).ms);
        times[id].vite.push(runOnce(viteCommand).ms);
      } else {
        times[id].vite.push(runOnce(viteCommand).ms);
        times[id].ours.push(runOnce(oursCommand(id)).ms);
      }
    }
    process.stderr.write(`\rpair ${pair + 1}/${pairs}`);
  }
  process.stderr.write('\n');

  const peakKb = (run) => (hasGnuTime ? median(Array.from({ length: memoryRuns }, () => run().rssKb)) : null);
  const viteKb = peakKb(() => runOnce(viteCommand, { memory: true }));
  const floorKb = peakKb(() => floorRun(true));

  const rows = runtimes.map((id) => {
    const { ours: oursMs, vite: viteMs } = times[id];
    const kb = peakKb(() => runOnce(oursCommand(id), { memory: true }));
    return {
      runtime: id,
      ours: { ...stats(oursMs), peakRssKb: kb, samples: oursMs },
      createVite: { ...stats(viteMs), samples: viteMs },
      // Each pair ran back to back, so its ratio holds up when the machine's load drifts during the run.
      ratio: median(oursMs.map((ms, pair) => ms / viteMs[pair])),
      memoryRatio: kb && viteKb ? kb / viteKb : null,
    };
  });
  const allVite = stats(runtimes.flatMap((id) => times[id].vite));

  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  const memory = (kb) => (kb ? `${(kb / 1024).toFixed(1)} MB` : 'n/a');
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const ms = (value) => value.toFixed(1);
  const ourSize = packages['create-fc-lifecycle'];
  const viteSize = packages['create-vite'];
  const table = [
    line(['command', 'median ms', 'min ms', 'max ms', 'ratio vs create-vite (median of pairs)', 'peak memory', 'installed size', 'packages']),
    line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map((row) => line([
      `create-fc-lifecycle my-fn --runtime ${row.runtime} --yes`, ms(row.ours.median), ms(row.ours.min), ms(row.ours.max),
      row.ratio.toFixed(2), memory(row.ours.peakRssKb), mb(ourSize.bytes), String(ourSize.packages),
    ])),
    line(['create-vite myapp --template vanilla-ts', ms(allVite.median), ms(allVite.min), ms(allVite.max), '1.00', memory(viteKb), mb(viteSize.bytes), String(viteSize.packages)]),
    line(['node -e 0 (floor)', ms(median(floor)), ms(Math.min(...floor)), ms(Math.max(...floor)), '', memory(floorKb), '', '']),
  ].join('\n');

  console.log(`\n${pairs} alternating pairs per runtime, create-fc-lifecycle ${ourSize.version} vs create-vite ${viteSize.version}\n`);
  console.log(table);
  const slowest = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const heaviest = rows.reduce((a, b) => ((b.memoryRatio ?? 0) > (a.memoryRatio ?? 0) ? b : a));
  console.log(`\nwall time: ${rows.filter((row) => row.ratio <= 1).length}/${rows.length} runtimes at or under create-vite (worst ${slowest.runtime} ${slowest.ratio.toFixed(2)}x)`);
  if (heaviest.memoryRatio !== null) console.log(`peak memory: at most ${heaviest.memoryRatio.toFixed(2)}x create-vite's (${heaviest.runtime})`);
  console.log(`install: ${ourSize.packages} package(s), ${mb(ourSize.bytes)} on disk`);
  return { floor: { ...stats(floor), peakRssKb: floorKb, samples: floor }, createVite: { ...allVite, peakRssKb: viteKb }, runtimes: rows, table };
}

const hasGnuTime = existsSync(GNU_TIME);
if (!hasGnuTime) console.log(`peak memory skipped: ${GNU_TIME} is missing (Debian: apt-get install -y time)`);

try {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  console.log(`machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);

  const packed = npm(['pack', '--silent', '--pack-destination', work], root).trim().split('\n').pop();
  const ours = install(join(work, packed), 'create-fc-lifecycle');
  const oursPkg = JSON.parse(readFileSync(join(ours, 'package.json'), 'utf8'));
  const packages = { 'create-fc-lifecycle': { version: oursPkg.version, ...footprint(join(work, 'install-create-fc-lifecycle', 'node_modules')) } };
  const generation = options.offline ? undefined : await againstCreateVite(ours, oursPkg, packages);

  const commands = benchCommands({ cli: join(ours, oursPkg.bin['create-fc-lifecycle']), work, pairs, memoryRuns, hasGnuTime });
  const commandsText = commandsTable(commands);
  console.log(`\n${pairs} alternating pairs per command, each against a generation (nodejs20)\n`);
  console.log(commandsText);

  machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  const date = new Date().toISOString();
  console.log(`\n${date.slice(0, 10)}; load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}`);

  const out = join(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  const result = {
    date,
    command: `npm run bench -- --pairs ${pairs}${options.runtimes ? ` --runtimes ${options.runtimes}` : ''}${options.offline ? ' --offline' : ''}`,
    machine,
    pairs,
    packages,
    ...generation,
    commands: { ...commands, table: commandsText },
  };
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote bench-results/latest.json`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
