// The timeline as FC's function log shows it (spec §1.1: `FC Initialize Start RequestId: …`,
// `FC Invoke Start …`, `FC PreStop Start …`), each step followed by one `run:` line with its duration
// and result; or, with --json, as data.
import type { CallKind } from './types.ts';
import type { Step, Timeline, TimelineListener } from './timeline.ts';

const FC_NAMES: Record<CallKind, string> = { initializer: 'Initialize', invoke: 'Invoke', preStop: 'PreStop' };

function outcomeLine(step: Step, invocation: string): string {
  if (step.kind === 'start') return `run: the instance did not start in ${step.durationMs} ms: X-Fc-Error-Type: ${step.errorType}, errorMessage: ${step.errorMessage}`;
  const what = step.kind === 'invoke' ? `invocation ${invocation}` : `${step.kind}${step.attempt > 1 ? ` (retry ${step.attempt - 1})` : ''}`;
  if (step.ok) return `run: ${what} succeeded in ${step.durationMs} ms${step.kind === 'invoke' ? `: ${step.result}` : ''}`;
  const type = step.errorType ? `X-Fc-Error-Type: ${step.errorType}, ` : '';
  return `run: ${what} failed in ${step.durationMs} ms: ${type}errorMessage: ${step.errorMessage ?? 'failed'}`;
}

/** Writes the FC log lines as the steps happen. */
export function textListener(write: (text: string) => void, invocations: number): TimelineListener {
  let invoked = 0;
  return {
    start: (step) => write(`FC ${FC_NAMES[step.kind as CallKind]} Start RequestId: ${step.requestId}\n`),
    line: (line) => write(`${line}\n`),
    end: (step) => {
      if (step.kind === 'start') return write(`${outcomeLine(step, '')}\n`);
      if (step.kind === 'invoke') invoked += 1;
      write(`FC ${FC_NAMES[step.kind]} End RequestId: ${step.requestId}\n${outcomeLine(step, `${invoked}/${invocations}`)}\n`);
    },
  };
}

/** Collects nothing as it goes: --json prints the whole timeline at the end. */
export const silentListener: TimelineListener = { start() {}, line() {}, end() {} };

/** The closing line of the text output. */
export function summaryLine(timeline: Timeline, label: string): string {
  const failed = timeline.steps.filter((step) => !step.ok);
  const total = Math.round(timeline.steps.reduce((sum, step) => sum + step.durationMs, 0) * 100) / 100;
  if (timeline.ok) return `run: ${label}: ${timeline.steps.length} step(s) succeeded (${total} ms in calls)\n`;
  const last = failed.at(-1);
  return `run: ${label}: failed (${failed.length} failed step(s)${last ? `, last: ${last.kind}` : ''})\n`;
}

export function timelineJson(timeline: Timeline, about: Record<string, unknown>): string {
  return `${JSON.stringify({ ...about, ok: timeline.ok, steps: timeline.steps }, null, 2)}\n`;
}
