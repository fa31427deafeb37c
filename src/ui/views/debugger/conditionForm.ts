// The "add a breakpoint" form as data: its fields by condition kind, and the Condition they
// make. Pure, so the form's rules (numbers, "any" choices) are tested without a page.
import type { Condition, ConditionKind } from '../../../debugger/conditions';
import type { ThreadStateName } from '../../../sim/simEvents';

export interface ConditionDraft {
  kind: ConditionKind;
  /** Endpoint, thread, cache line or core; '' means any. */
  target: string;
  side: 'send' | 'recv';
  /** N of "≥ N queued", "> N cycles", "> N kernel entries". */
  amount: string;
  state: ThreadStateName;
  crossSocket: boolean;
  eventType: string;
  source: string;
}

export const KIND_LABELS: { kind: ConditionKind; label: string }[] = [
  { kind: 'endpointQueue', label: 'endpoint queue ≥ N' },
  { kind: 'threadState', label: 'thread enters a state' },
  { kind: 'lineOwner', label: 'cache line changes owner' },
  { kind: 'coreIdleWhileReady', label: 'core idle while a thread is ready' },
  { kind: 'lockContended', label: 'big lock contended > N cycles' },
  { kind: 'scExhausted', label: 'scheduling context exhausted' },
  { kind: 'fault', label: 'fault raised' },
  { kind: 'fileOpCost', label: 'file operation > N kernel entries' },
  { kind: 'event', label: 'event of a type' },
  { kind: 'expression', label: 'TypeScript condition' },
];

export const EMPTY_DRAFT: ConditionDraft = {
  kind: 'endpointQueue',
  target: '',
  side: 'send',
  amount: '2',
  state: 'blockedOnReply',
  crossSocket: false,
  eventType: 'faultRaised',
  source: '(machine.endpoints.ep?.queue.length ?? 0) >= 2',
};

/** The condition the draft describes, or a sentence saying what is wrong with it. */
export function toCondition(d: ConditionDraft): Condition | string {
  const target = d.target === '' ? null : d.target;
  const amount = Number(d.amount);
  const whole = d.amount.trim() !== '' && Number.isInteger(amount) && amount >= 0;
  const need = (what: string) => `${what} must be a whole number ≥ 0 (got '${d.amount}')`;
  switch (d.kind) {
    case 'endpointQueue':
      if (!whole || amount < 1)
        return `the queue length must be a whole number ≥ 1 (got '${d.amount}')`;
      return { kind: 'endpointQueue', endpoint: target, side: d.side, atLeast: amount };
    case 'threadState':
      return { kind: 'threadState', thread: target, state: d.state };
    case 'lineOwner':
      return { kind: 'lineOwner', line: target, crossSocket: d.crossSocket };
    case 'coreIdleWhileReady': {
      if (target === null) return { kind: 'coreIdleWhileReady', core: null };
      const core = Number(target);
      if (!Number.isInteger(core) || core < 0)
        return `core must be a core number (got '${target}')`;
      return { kind: 'coreIdleWhileReady', core };
    }
    case 'lockContended':
      return whole ? { kind: 'lockContended', cycles: amount } : need('the wait in cycles');
    case 'scExhausted':
      return { kind: 'scExhausted', thread: target };
    case 'fault':
      return { kind: 'fault', thread: target };
    case 'fileOpCost':
      return whole ? { kind: 'fileOpCost', entries: amount } : need('the kernel entries');
    case 'event':
      return { kind: 'event', match: { kind: 'eventType', type: d.eventType } };
    case 'expression':
      return d.source.trim() === ''
        ? 'the condition is empty: write an expression such as machine.t > 1000'
        : { kind: 'expression', source: d.source };
  }
}

/** What the target field picks for a kind (null: the kind has none). */
export function targetOf(kind: ConditionKind): 'endpoint' | 'thread' | 'line' | 'core' | null {
  switch (kind) {
    case 'endpointQueue':
      return 'endpoint';
    case 'threadState':
    case 'scExhausted':
    case 'fault':
      return 'thread';
    case 'lineOwner':
      return 'line';
    case 'coreIdleWhileReady':
      return 'core';
    default:
      return null;
  }
}

/** Whether the kind takes the amount field, and what it means. */
export function amountOf(kind: ConditionKind): string | null {
  switch (kind) {
    case 'endpointQueue':
      return 'queued ≥';
    case 'lockContended':
      return 'cycles >';
    case 'fileOpCost':
      return 'entries >';
    default:
      return null;
  }
}
