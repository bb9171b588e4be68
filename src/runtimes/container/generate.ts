// Custom container (spec §1.9, §1.10): the Flask server of the custom runtime, built into an image
// by code/Dockerfile; s.yaml has customContainerConfig (image, port) and no code. With --gpu it is a GPU
// function, whose initializer may be a command (--initializer-command) instead of POST /initialize.
import { fail } from '../../errors.ts';
import { codeSpan } from '../../escape.ts';
import type { ProjectSpec } from '../../spec.ts';
import { render } from '../../templates.ts';
import { checkOpaqueEntries, DEFAULT_PORT, ENTRY_NOTE, serverTemplateData } from '../custom/server.ts';
import { flaskRecipeFiles, flaskRecipeReadme, serverRecipes } from '../custom/recipes.ts';
import { defineRuntime, type PlannedFile } from '../types.ts';
import { GPU_CARDS, GPU_MEMORY, GPU_TYPES, shellCommand } from './gpu.ts';
import { cardFields } from '../family.ts';
import { family } from './index.ts';

/** Python of the image (its base, python:<version>-slim). */
const PYTHON = '3.12';
/** The part of the image name a user must replace: a namespace of their Container Registry. */
const IMAGE_NAMESPACE = 'your-acr-namespace';

function checkGpuMemory(type: string, value: string | number): number {
  const { min, multipleOf } = GPU_MEMORY;
  const { card, maxMemory: max } = GPU_CARDS[type]!;
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max && n % multipleOf === 0)) {
    fail('gpu-memory-size', `"${value}" must be a whole number of MB from ${min} to ${max} (the ${card} of ${type}), a multiple of ${multipleOf}`);
  }
  return n;
}

/**
 * The image s.yaml names: an Alibaba Cloud Container Registry address in the function's region, with
 * a placeholder namespace, and the function name as a repository (lower case, `-` for `_`).
 */
export function placeholderImage(functionName: string): string {
  const repository = functionName.toLowerCase().replace(/_/g, '-').replace(/^-+|-+$/g, '') || 'fc-function';
  return `registry.\${vars.region}.aliyuncs.com/${IMAGE_NAMESPACE}/${repository}:latest`;
}

export const container = defineRuntime<Record<string, never>>({
  ...cardFields(family),
  // The image runs the custom runtime's Flask server.
  templateGroups: ['custom', 'container'],
  options: {
    keys: family.card.optionKeys,
    resolve(answers) {
      if (answers.gpu === undefined) {
        if (answers.gpuMemorySize !== undefined) fail('gpu-memory-size', 'needs --gpu');
        if (answers.initializerCommand !== undefined) {
          fail('initializer-command', 'needs --gpu: FC runs command-type initializers for GPU functions only');
        }
        return {};
      }
      if (!Object.hasOwn(GPU_CARDS, answers.gpu)) fail('gpu', `unknown GPU type "${answers.gpu}"; valid types: ${GPU_TYPES.join(', ')}`);
      const gpu = { type: answers.gpu, memorySize: checkGpuMemory(answers.gpu, answers.gpuMemorySize ?? GPU_MEMORY.default) };
      if (answers.initializerCommand === undefined) return { gpu };
      return { gpu, initializerCommand: shellCommand(answers.initializerCommand) };
    },
  },
  parseEntries: checkOpaqueEntries,
  files(spec) {
    const data = containerData(spec);
    return [
      { path: 'code/app.py', contents: render('custom/app.py', data) },
      { path: 'code/requirements.txt', contents: render('custom/requirements.txt', data) },
      ...containerFiles(data),
      { path: 'tests/test_lifecycle.py', contents: render('custom/test_lifecycle.py', data) },
    ];
  },
  resource(spec) {
    return {
      props: {
        handler: spec.handler,
        customContainerConfig: { image: placeholderImage(spec.functionName), port: DEFAULT_PORT },
        ...(spec.gpu && { gpuConfig: { gpuType: spec.gpu.type, gpuMemorySize: spec.gpu.memorySize } }),
      },
      actions: { 'pre-deploy': [{ component: 'fc3 build --dockerfile ./code/Dockerfile' }] },
      comments: {
        actions: 'Before deploying, builds code/Dockerfile (context code/) as customContainerConfig.image with docker.',
        'props.handler': 'Not used by a custom container (the server gets every request), but FC needs it set.',
        'props.customContainerConfig.image': `Placeholder: replace ${IMAGE_NAMESPACE} with a namespace of your Container Registry\n(ACR) in this region. FC pulls the image from there, so push it after building.`,
        ...(spec.gpu && { 'props.gpuConfig': 'A GPU function: the image needs the CUDA libraries of your framework (see code/Dockerfile).' }),
      },
    };
  },
  readme(spec) {
    const command = spec.initializer?.command;
    return {
      files: [
        { path: 'code/app.py', about: 'the Flask server: hooks and requests' },
        { path: 'code/requirements.txt', about: 'Flask, installed into the image' },
        { path: 'code/Dockerfile', about: `the image: python:${PYTHON}-slim, the server on port ${DEFAULT_PORT}` },
        ...(command ? [{ path: 'code/warm-up.sh', about: 'a command-type initializer: warms the server up through `POST /initialize`' }] : []),
        { path: 'tests/test_lifecycle.py', about: "starts `python3 app.py` on a free port and plays FC's part over HTTP (`unittest`)" },
      ],
      testCommand: 'python3 -m unittest discover -s tests -v',
      beforeDeploy: `edit s.yaml: replace ${IMAGE_NAMESPACE} in customContainerConfig.image with your Container Registry namespace`,
      notes: [
        ENTRY_NOTE,
        `Before the first deploy, replace \`${IMAGE_NAMESPACE}\` in \`customContainerConfig.image\` (s.yaml) with a ` +
          'namespace of your Alibaba Cloud Container Registry in the same region. `s deploy` builds `code/Dockerfile` ' +
          'as that image first (needs docker); push it (`docker push <image>`) if your fc3 version does not, since FC ' +
          'pulls it from the registry. The local test runs `code/app.py` directly and needs Flask: ' +
          '`python3 -m pip install -r code/requirements.txt`.',
        ...(spec.gpu
          ? [`A GPU function (\`${spec.gpu.type}\`, ${spec.gpu.memorySize} MB of GPU memory): base the image on one with the CUDA libraries your framework needs.`]
          : []),
        ...(command
          ? [
              `The initializer is a command: FC runs ${codeSpan(command.join(' '))} in the instance once it has started ` +
                '(exit code 0 = success; a failure is not retried, and its output is not logged). FC then does not call ' +
                '`POST /initialize` itself; `code/warm-up.sh` (`/code/warm-up.sh` in the image) does, so ' +
                '`--initializer-command /code/warm-up.sh` runs the same set-up. It exits 1 with a JSON error on stderr ' +
                'when that fails.',
            ]
          : []),
      ],
    };
  },
  httpTrigger: 'server',
  recipes: serverRecipes({
    files(spec, recipe) {
      const data = containerData(spec);
      return [...flaskRecipeFiles(recipe, data), ...containerFiles(data)];
    },
    readme: (_spec, recipe) => flaskRecipeReadme(recipe, `installed into the image (code/Dockerfile, python:${PYTHON}-slim)`, [ENTRY_NOTE]),
  }),
});

/** The server templates' data: the image's Flask server, and the GPU and command initializer if any. */
function containerData(spec: ProjectSpec) {
  const commandInitializer = spec.initializer?.command !== undefined;
  return {
    ...serverTemplateData(spec, 'flask', { startCommand: 'python3 app.py', startedBy: 'CMD in code/Dockerfile', commandInitializer }),
    pythonVersion: PYTHON,
    pythonWhere: `the image's python:${PYTHON}-slim`,
    gpuType: spec.gpu?.type ?? null,
  };
}

/** The image's files besides the server: its Dockerfile, and warm-up.sh for a command initializer. */
function containerFiles(data: ReturnType<typeof containerData>): PlannedFile[] {
  return [
    { path: 'code/Dockerfile', contents: render('container/Dockerfile', data) },
    ...(data.commandInitializer ? [{ path: 'code/warm-up.sh', contents: render('container/warm-up.sh', data), executable: true }] : []),
  ];
}
