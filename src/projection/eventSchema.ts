// Field layout of each event type for the compact event encoding (eventLog.ts). A type missing
// here, or an event whose fields do not fit its layout, is carried as JSON instead: a new event
// or field is never lost, only encoded less compactly.
import type { SimEventType } from '../sim/simEvents';

/**
 * n: number · s: string · os: optional string (absent key) · ns: string or null ·
 * na: number array · sa: string array · j: any JSON value
 */
export type FieldKind = 'n' | 's' | 'os' | 'ns' | 'na' | 'sa' | 'j';

export type Layout = readonly (readonly [name: string, kind: FieldKind])[];

export const LAYOUTS: readonly (readonly [SimEventType, Layout])[] = [
  [
    'syscallEntered',
    [
      ['thread', 's'],
      ['syscall', 's'],
      ['cap', 'ns'],
    ],
  ],
  [
    'syscallExited',
    [
      ['thread', 's'],
      ['syscall', 's'],
      ['path', 's'],
      ['reason', 'os'],
      ['cycles', 'n'],
    ],
  ],
  [
    'messageTransferred',
    [
      ['from', 's'],
      ['to', 's'],
      ['object', 's'],
      ['label', 'n'],
      ['length', 'n'],
      ['badge', 'n'],
      ['caps', 'n'],
      ['words', 'na'],
      ['kind', 's'],
    ],
  ],
  [
    'threadBlocked',
    [
      ['thread', 's'],
      ['state', 's'],
      ['object', 'ns'],
    ],
  ],
  ['threadWoken', [['thread', 's']]],
  [
    'objectChanged',
    [
      ['object', 's'],
      ['kind', 's'],
      ['state', 's'],
      ['queue', 'sa'],
      ['word', 'n'],
    ],
  ],
  [
    'threadSwitched',
    [
      ['from', 's'],
      ['to', 's'],
    ],
  ],
  [
    'threadMigrated',
    [
      ['thread', 's'],
      ['from', 'n'],
      ['to', 'n'],
    ],
  ],
  [
    'threadStopped',
    [
      ['thread', 's'],
      ['reason', 's'],
    ],
  ],
  [
    'cacheLineMigrated',
    [
      ['line', 's'],
      ['from', 'n'],
      ['to', 'n'],
      ['cycles', 'n'],
    ],
  ],
  [
    'ipiSent',
    [
      ['from', 'n'],
      ['to', 'n'],
      ['kind', 's'],
    ],
  ],
  ['interruptTaken', [['kind', 's']]],
  ['lockAcquired', [['image', 'n']]],
  [
    'lockContended',
    [
      ['image', 'n'],
      ['waitCycles', 'n'],
    ],
  ],
  ['lockReleased', [['image', 'n']]],
  [
    'faultRaised',
    [
      ['thread', 's'],
      ['faultType', 's'],
      ['detail', 's'],
      ['handler', 'ns'],
    ],
  ],
  [
    'schedContextDonated',
    [
      ['sc', 's'],
      ['from', 's'],
      ['to', 's'],
    ],
  ],
  [
    'schedContextReturned',
    [
      ['sc', 's'],
      ['from', 's'],
      ['to', 's'],
    ],
  ],
  [
    'budgetExhausted',
    [
      ['thread', 's'],
      ['sc', 's'],
      ['until', 'n'],
    ],
  ],
  [
    'notificationSignalled',
    [
      ['object', 's'],
      ['badge', 'n'],
      ['word', 'n'],
    ],
  ],
  [
    'consoleWritten',
    [
      ['thread', 's'],
      ['text', 's'],
    ],
  ],
  [
    'fileOperation',
    [
      ['thread', 's'],
      ['op', 's'],
      ['path', 's'],
      ['bytes', 'n'],
      ['kernelEntries', 'n'],
      ['clientEntries', 'n'],
      ['serverEntries', 'n'],
      ['transport', 's'],
      ['hops', 'sa'],
      ['cycles', 'n'],
      ['copiedBytes', 'n'],
      ['reason', 'os'],
      ['error', 'os'],
    ],
  ],
  [
    'namespaceChanged',
    [
      ['process', 's'],
      ['bindings', 'j'],
    ],
  ],
  [
    'portRegistered',
    [
      ['port', 's'],
      ['server', 's'],
    ],
  ],
];

/** Does a value fit a field kind? Checked on the first event of each type. */
export function fits(kind: FieldKind, v: unknown): boolean {
  switch (kind) {
    case 'n':
      return typeof v === 'number';
    case 's':
      return typeof v === 'string';
    case 'os':
      return v === undefined || typeof v === 'string';
    case 'ns':
      return v === null || typeof v === 'string';
    case 'na':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'sa':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'j':
      return true;
  }
}
