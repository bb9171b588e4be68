// Issue 11, class 4, for runs of OLDER versions of this tool: add/remove left
// `<file>.fc-lifecycle-<pid>-<ts>` temporaries beside the files they edited, create left
// `.<name>.fc-staging-<pid>-<hex>` and `.<name>.fc-backup-<pid>-<hex>` beside the target. The next
// create/add/remove removes the temporaries and staging directories of runs that are gone, keeps every
// backup (it holds the user's replaced files) and says in one line where it is and what to do with it;
// doctor reports all of them, and this version's own work files, without touching anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diagnose } from '../src/doctor/index.ts';
import { tempDir } from './helpers/generate.ts';
import { copyFixture } from './helpers/hook-fixtures.ts';
import { cli } from './helpers/safety.ts';

/** The pid of a process that has exited: whatever it left is nobody's work under way. */
const deadPid = () => spawnSync('true').pid!;

function olderCreateLeftovers(parent: string, name: string, pid: number) {
  const staging = join(parent, `.${name}.fc-staging-${pid}-0a1b2c3d`);
  const backup = join(parent, `.${name}.fc-backup-${pid}-0a1b2c3d`);
  mkdirSync(join(staging, 'src'), { recursive: true });
  writeFileSync(join(staging, 'src', 'main.py'), 'half a new project\n');
  mkdirSync(backup);
  writeFileSync(join(backup, 's.yaml'), 'the user s.yaml it replaced\n');
  return { staging, backup };
}

describe('class 4: what killed runs of older versions left', () => {
  test.each(['add', 'remove'])('%s removes older temporaries of runs that are gone, keeps those of a live pid', async (command) => {
    const root = copyFixture('python3.10');
    const dead = deadPid();
    const gone = [join(root, `s.yaml.fc-lifecycle-${dead}-lz3k9q1a`), join(root, 'src', `main.py.fc-lifecycle-${dead}-lz3k9q1b`)];
    const live = join(root, 'src', `main.py.fc-lifecycle-${process.pid}-lz3k9q1c`);
    // Names that only look alike: not beside the file they would replace, or not a timestamp: the user's.
    const kept = [live, join(root, 'src', `gone.py.fc-lifecycle-${dead}-lz3k9q1d`), join(root, `notes.fc-lifecycle-${dead}-draft`)];
    writeFileSync(join(root, 'notes'), 'user notes\n');
    for (const path of [...gone, ...kept]) writeFileSync(path, 'unfinished edit\n');
    const flag = command === 'add' ? ['--initializer', 'main.initialize'] : ['--initializer'];
    const result = await cli([command, ...flag], root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(gone.filter((path) => existsSync(path))).toEqual([]);
    expect(kept.filter((path) => !existsSync(path))).toEqual([]);
  });

  test('add keeps a backup an older create left beside the project and says where it is, in one line', async () => {
    const root = copyFixture('python3.10');
    const { staging, backup } = olderCreateLeftovers(join(root, '..'), 'python3.10', deadPid());
    const result = await cli(['add', '--initializer', 'main.initialize'], root);
    expect(result.status).toBe(0);
    expect(existsSync(staging)).toBe(false);
    expect(readFileSync(join(backup, 's.yaml'), 'utf8')).toBe('the user s.yaml it replaced\n');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^warning: .*\.python3\.10\.fc-backup-\d+-0a1b2c3d is a backup .*copy back what you need, then delete it$/)]);
  });

  test('create removes an older staging directory beside the target and keeps (and reports) its backup', async () => {
    const parent = tempDir('fc-older-create-');
    const { staging, backup } = olderCreateLeftovers(parent, 'fn', deadPid());
    const result = await cli(['fn', '-r', 'python3.12', '--yes'], parent);
    expect(result.status).toBe(0);
    expect(existsSync(join(parent, 'fn', 's.yaml'))).toBe(true);
    expect(existsSync(staging)).toBe(false);
    expect(readFileSync(join(backup, 's.yaml'), 'utf8')).toBe('the user s.yaml it replaced\n');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`warning: ${backup} is a backup an older create-fc-lifecycle --force left`);
    expect(lines[0]).toContain(`files of ${join(parent, 'fn')} it was replacing`);
  });

  test('create --force into a project removes older add temporaries in it', async () => {
    const parent = tempDir('fc-older-force-');
    expect((await cli(['fn', '-r', 'python3.12', '--yes'], parent)).status).toBe(0);
    const temporary = join(parent, 'fn', `s.yaml.fc-lifecycle-${deadPid()}-lz3k9q1a`);
    writeFileSync(temporary, 'unfinished edit\n');
    const result = await cli(['fn', '-r', 'python3.12', '--yes', '--force'], parent);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(temporary)).toBe(false);
  });

  test('doctor reports every leftover as a warning and changes nothing', async () => {
    const root = copyFixture('python3.10');
    const dead = deadPid();
    const temporary = join(root, 'src', `main.py.fc-lifecycle-${dead}-lz3k9q1a`);
    writeFileSync(temporary, 'unfinished edit\n');
    const { staging, backup } = olderCreateLeftovers(join(root, '..'), 'python3.10', dead);
    const own = join(root, '.fc-lifecycle-intent.json');
    writeFileSync(own, '{}');
    const found = (await diagnose(root)).findings.filter((finding) => finding.rule === 'leftover-work-file');
    expect(found.map((finding) => [finding.file, finding.severity]).sort()).toEqual([[backup, 'warning'], [own, 'warning'], [staging, 'warning'], [temporary, 'warning']].sort());
    expect(found.find((finding) => finding.file === backup)!.message).toContain('copy back what you need, then delete it');
    for (const path of [temporary, staging, backup, own]) expect(existsSync(path)).toBe(true);
  });
});
