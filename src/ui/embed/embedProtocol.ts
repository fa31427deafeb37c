// The postMessage API of the embedded app (README "Presenting and embedding"), version 1. A page
// that embeds ipcscope in an iframe says hello first; the app answers `ready` with the version and
// then takes commands and pushes its state. Every message is a plain object with `ipcscope: 1`.
// Pure: checks the shape of what arrives, so nothing malformed reaches the store.
import type { StepUnit } from '../../projection/breakpoints';
import type { ConfigOverrides } from '../../sim/config';

export const EMBED_API_VERSION = 1;

export type EmbedCommand =
  | { type: 'hello' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; unit: StepUnit; direction: 1 | -1 }
  | { type: 'seek'; index: number }
  | { type: 'load'; scenario: string; machine: ConfigOverrides; run: boolean }
  | { type: 'loadSource'; source: string; file: string; machine: ConfigOverrides; run: boolean }
  | { type: 'lesson'; id: string; step: number }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'state' };

export const COMMANDS = [
  'hello',
  'play',
  'pause',
  'step',
  'seek',
  'load',
  'lesson',
  'next',
  'back',
  'state',
];

export interface EmbedState {
  scenario: string | null;
  loadState: string;
  running: boolean;
  cursor: number;
  total: number;
  stop: { reason: string; detail: string } | null;
  /** The narration of the current step. */
  narration: string | null;
  lesson: { id: string; step: number; steps: number; status: string } | null;
}

export type EmbedReply =
  | {
      ipcscope: 1;
      type: 'ready';
      id: unknown;
      version: number;
      commands: string[];
      state: EmbedState;
    }
  | { ipcscope: 1; type: 'reply'; id: unknown; command: string; ok: true; state: EmbedState }
  | { ipcscope: 1; type: 'reply'; id: unknown; command: string; ok: false; error: string }
  | { ipcscope: 1; type: 'state'; state: EmbedState };

function machineOf(v: unknown): ConfigOverrides | string {
  if (v === undefined) return {};
  if (v === null || typeof v !== 'object') return 'machine must be an object';
  const m = v as Record<string, unknown>;
  const o: ConfigOverrides = {};
  if (m.platform !== undefined) {
    if (typeof m.platform !== 'string') return 'machine.platform must be a string';
    o.platform = m.platform;
  }
  if (m.kernel !== undefined) {
    if (typeof m.kernel !== 'string') return 'machine.kernel must be a string';
    o.kernel = m.kernel;
  }
  for (const k of ['cores', 'seed'] as const) {
    if (m[k] === undefined) continue;
    if (!Number.isInteger(m[k])) return `machine.${k} must be a whole number`;
    o[k] = m[k] as number;
  }
  if (m.mcs !== undefined) {
    if (typeof m.mcs !== 'boolean') return 'machine.mcs must be true or false';
    o.mcs = m.mcs;
  }
  return o;
}

/** The command in a message, or a sentence saying what is wrong with it; null: not for us. */
export function parseCommand(data: unknown): EmbedCommand | string | null {
  if (data === null || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.ipcscope !== 1) return null;
  switch (d.type) {
    case 'hello':
    case 'play':
    case 'pause':
    case 'next':
    case 'back':
    case 'state':
      return { type: d.type };
    case 'step': {
      const unit = d.unit ?? 'event';
      const direction = d.direction ?? 1;
      if (unit !== 'event' && unit !== 'entry' && unit !== 'message') {
        return "step.unit must be 'event', 'entry' or 'message'";
      }
      if (direction !== 1 && direction !== -1) return 'step.direction must be 1 or -1';
      return { type: 'step', unit, direction };
    }
    case 'seek':
      if (!Number.isInteger(d.index) || (d.index as number) < 0) {
        return 'seek.index must be a whole number, 0 or more';
      }
      return { type: 'seek', index: d.index as number };
    case 'load': {
      const machine = machineOf(d.machine);
      if (typeof machine === 'string') return machine;
      const run = d.run === true;
      if (typeof d.scenario === 'string')
        return { type: 'load', scenario: d.scenario, machine, run };
      if (typeof d.source === 'string') {
        const file = typeof d.file === 'string' ? d.file : 'embedded.ts';
        return { type: 'loadSource', source: d.source, file, machine, run };
      }
      return 'load needs scenario (a built-in id) or source (a scenario file as text)';
    }
    case 'lesson': {
      if (typeof d.id !== 'string') return 'lesson.id must be a string';
      const step = d.step ?? 1;
      if (!Number.isInteger(step) || (step as number) < 1) return 'lesson.step must be 1 or more';
      return { type: 'lesson', id: d.id, step: step as number };
    }
    default:
      return `unknown command '${String(d.type)}' (commands: ${COMMANDS.join(', ')})`;
  }
}

/** Whether a message from this origin may drive the app. */
export function originAllowed(origin: string, allowed: string[] | null): boolean {
  return allowed === null || allowed.includes(origin);
}
