// A GPU function's settings (spec §1.10), apart from the container's generator: --help, the prompts
// and `add --initializer-command` use them without loading the generator.
import { fail } from '../../errors.ts';

/**
 * gpuConfig.gpuType values and each card's memory in MB, the most gpuMemorySize can ask for. Types: the
 * FC3 API's GPUConfig (Feb 2026) lists fc.gpu.ada.1 besides the fc3 schema's two (spec "Corrections").
 * Memory: FC's GPU instance specifications ("实例类型及规格",
 * https://www.alibabacloud.com/help/zh/function-compute/latest/instance-types-and-instance-modes):
 * Tesla T4 1024-16384 MB; the Ampere A10 has 24 GB (also the fc3 schema's maximum, IGpuConfig); the
 * Ada series card 48 GB (inferred from its L20 card, not from that table).
 */
export const GPU_CARDS: Readonly<Record<string, { card: string; maxMemory: number }>> = {
  'fc.gpu.tesla.1': { card: 'Tesla T4', maxMemory: 16384 },
  'fc.gpu.ampere.1': { card: 'Ampere A10', maxMemory: 24576 },
  'fc.gpu.ada.1': { card: 'Ada series', maxMemory: 49152 },
};
export const GPU_TYPES: readonly string[] = Object.keys(GPU_CARDS);
/** gpuConfig.gpuMemorySize in MB: the fc3 schema's minimum, step and default; the maximum is the card's (GPU_CARDS). */
export const GPU_MEMORY = { min: 1024, multipleOf: 1024, default: 1024 } as const;

/** instanceLifecycleConfig.initializer.command for --initializer-command (create and `add`): run by /bin/sh. */
export function shellCommand(command: string): string[] {
  if (command.trim() === '') fail('initializer-command', 'must not be empty');
  return ['/bin/sh', '-c', command];
}
