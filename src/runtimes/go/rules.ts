// Go (go1): hooks are registered with fc.RegisterInitializerFunction / fc.RegisterPreStopFunction
// before fc.Start, as func(context.Context) with no result; the SDK dispatches by hook type, not by
// the s.yaml string (spec §1.6). The code is read by code.ts, as the hook editor reads it.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shown, versionBelow } from '../../doctor/code.ts';
import { type SourceFile } from '../../source/file.ts';
import { findFiles, readSource } from '../../source/disk.ts';
import type { CodeModel, Hit, Project, Resource, Rule } from '../../doctor/types.ts';
import { UNAVAILABLE } from '../../doctor/rules/guards.ts';
import type { FamilyDoctor } from '../family.ts';
import { fcAlias, funcNamed, REGISTER, registeredFunction, registrations as registrationsIn, SDK, startCalls, type Registration } from './code.ts';

interface GoModule {
  dir: string;
  files: SourceFile[];
}

/** The Go module of the resource: the go.mod at or above `code` (code: ./code/target, go.mod in ./code). */
function goModule(resource: Resource, project: Project): GoModule | undefined {
  let dir: string | undefined;
  for (let at = resource.code; at && at.startsWith(project.root); at = dirname(at)) {
    if (existsSync(join(at, 'go.mod'))) {
      dir = at;
      break;
    }
    if (at === project.root) break;
  }
  if (!dir) {
    const mods = findFiles(project.root, (name) => name === 'go.mod');
    if (mods.length !== 1) return undefined;
    dir = dirname(mods[0]!);
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.go') && !name.endsWith('_test.go'))
    .sort()
    .flatMap((name) => readSource(join(dir, name)) ?? []);
  return { dir, files };
}

/** The hooks the module's files register. */
function registrations(module: GoModule): Registration[] {
  return module.files.flatMap((file) => {
    const alias = fcAlias(file);
    return alias ? registrationsIn(file, alias) : [];
  });
}

export const goModel: CodeModel = {
  resolveHook(resource, hook, project) {
    const module = goModule(resource, project);
    if (!module || module.files.length === 0) return undefined;
    if (registrations(module).some((r) => r.kind === hook.kind)) return { found: true };
    const name = REGISTER[hook.kind];
    return {
      found: false,
      why: `no fc.${name} call in ${shown(project, module.dir)}/*.go (the Go SDK panics with "no ${hook.kind === 'initializer' ? 'initializer' : 'prestop'} handler registered")`,
      fix: `call fc.${name}(${hook.kind === 'initializer' ? 'initialize' : 'preStop'}) before fc.Start`,
    };
  },
  handlerCode(resource, project) {
    const module = goModule(resource, project);
    for (const file of module?.files ?? []) {
      const alias = fcAlias(file);
      const [start] = alias ? startCalls(file, alias) : [];
      const open = start ? start.open : -1;
      const argument = open >= 0 ? file.items(open)[0] ?? '' : '';
      if (/^func\s*\(/.test(argument)) {
        const body = file.bodyAfter(file.bare.indexOf('(', open + 1));
        return body && { file, ...body };
      }
      if (!/^\w+$/.test(argument)) continue;
      for (const candidate of module!.files) {
        const declared = funcNamed(candidate, argument);
        const body = declared && candidate.bodyAfter(declared.open);
        if (body) return { file: candidate, ...body };
      }
    }
    return undefined;
  },
  hooksInCode(resource, project) {
    const module = goModule(resource, project);
    return module
      ? registrations(module).map((r) => ({ kind: r.kind, file: r.file.path, line: r.line, what: `fc.${REGISTER[r.kind]}(${r.argument})` }))
      : [];
  },
};

/** spec §1.6 (seed 000): registrations are read when fc.Start begins; one after it never takes effect. */
const registerAfterStart: Rule = {
  id: 'go-register-after-start',
  severity: 'error',
  check(resource, project) {
    const module = goModule(resource, project);
    if (!module) return [];
    return registrations(module).flatMap((registration): Hit[] => {
      const { file } = registration;
      const alias = fcAlias(file)!;
      const [main] = file.matches(/\bfunc\s+main\s*\(\s*\)\s*\{/);
      if (!main) return [];
      const bodyStart = main.index + main[0].length - 1;
      const bodyEnd = file.closing(bodyStart);
      const [start] = startCalls(file, alias).filter((call) => call.at > bodyStart && call.at < bodyEnd);
      if (!start || registration.at < start.at || registration.at > bodyEnd) return [];
      return [{ file: file.path, line: registration.line, message: `fc.${REGISTER[registration.kind]} runs after fc.Start (line ${file.lineAt(start.at)}), which never returns, so the ${registration.kind} hook is never registered: move it above fc.Start` }];
    });
  },
};

/** spec §1.6: a lifecycle hook must be exactly func(context.Context), with no result; otherwise it panics when called. */
const hookSignature: Rule = {
  id: 'go-hook-signature',
  severity: 'error',
  check(resource, project) {
    const module = goModule(resource, project);
    if (!module) return [];
    return registrations(module).flatMap((registration): Hit[] => {
      const fn = registeredFunction(registration);
      if (!fn || (fn.params.length === 1 && fn.results === '')) return [];
      const problem = fn.results !== '' ? `returns ${fn.results}` : `takes ${fn.params.length} parameters`;
      return [{ file: registration.file.path, line: fn.line, message: `${registration.kind} hook ${fn.name} ${problem}, but the Go SDK calls hooks as func(ctx context.Context) with no result and panics otherwise: declare func(ctx context.Context)` }];
    });
  },
};

/** spec §1.6 (seed 000): before v0.1.0, RegisterPreStopFunction registered the function as an initializer. */
const sdkVersion: Rule = {
  id: 'go-sdk-version',
  severity: 'error',
  check(resource, project) {
    const module = resource.hooks.preStop?.active ? goModule(resource, project) : undefined;
    const file = module && readSource(join(module.dir, 'go.mod'));
    if (!file) return [];
    const sdk = SDK.replace(/\./g, '\\.');
    const replaced = new RegExp(`${sdk}(?:[ \\t]+v\\S+)?[ \\t]*=>[ \\t]*(\\S+)(?:[ \\t]+(v\\S+))?`).exec(file.code);
    if (replaced && !replaced[2]) return [];
    const required = new RegExp(`(?:^|\\s)${sdk}[ \\t]+(v\\S+)`, 'm').exec(file.code);
    const at = replaced ?? required;
    const version = replaced?.[2] ?? required?.[1];
    if (!at || !version || !versionBelow(version, '0.1.0')) return [];
    return [{ file: file.path, line: file.lineAt(at.index + at[0].indexOf(version)), message: `${SDK} ${version} registers a PreStop hook as an initializer (fixed in v0.1.0), and s.yaml configures preStop: require ${SDK} v0.3.1` }];
  },
};

export const goRules: Rule[] = [registerAfterStart, hookSignature, sdkVersion];

/** The doctor's part of the family (src/runtimes/go/index.ts). `handlerGuard`: how its handler refuses a request, for handler-needs-initializer. */
export const doctor: FamilyDoctor = {
  model: goModel,
  rules: goRules,
  handlerGuard: { syntax: 'bare-if', refusals: String.raw`\bpanic\s*\(|\breturn\b[^\n]*\b(?:errors\.New|fmt\.Errorf)\s*\(|${UNAVAILABLE}`, accessor: 'getResource(ctx) under a sync.Mutex' },
};
