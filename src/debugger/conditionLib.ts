// What the condition editor's TypeScript worker knows: `machine` (machineView.d.ts, read-only)
// and `event` (the event just folded, a union generated here from the event schema, so it
// lists every event type and field the engine has). Pure text: the page hands it to Monaco,
// and conditionLib.test.ts type-checks conditions against exactly this.
import { EVENTS, type FieldKind } from '../sim/events/schema';

/** The namespace the machine's types live in (hovers show `MachineView.Thread`). */
export const NAMESPACE = 'MachineView';

/** JSON fields carry no type at run time: their shapes, by event and field. */
const JSON_TYPES: Record<string, string> = {
  'namespaceChanged.bindings':
    'readonly { path: string; targets: readonly string[]; flag: string; create: readonly boolean[] }[]',
  'schedContextRefilled.refills': 'readonly { time: number; amount: number }[]',
};

function typeOf(event: string, field: string, kind: FieldKind): string {
  if (Array.isArray(kind)) return kind.map((v) => `'${String(v)}'`).join(' | ');
  switch (kind) {
    case 'int':
    case 'core':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'str':
    case 'str?':
    case 'thread':
    case 'object':
    case 'line':
      return 'string';
    case 'str|null':
    case 'thread|null':
    case 'object|null':
      return 'string | null';
    case 'ints':
      return 'readonly number[]';
    case 'strs':
    case 'threads':
      return 'readonly string[]';
    default:
      return JSON_TYPES[`${event}.${field}`] ?? 'unknown';
  }
}

/** The event union as declarations (inside the namespace). */
export function eventDeclarations(): string {
  const names: string[] = [];
  const out: string[] = [
    '  interface EventBase {',
    '    /** Index in the log. */',
    '    readonly seq: number;',
    '    /** Cycles. */',
    '    readonly t: number;',
    '    readonly core: number;',
    '  }',
  ];
  for (const [type, fields] of Object.entries(EVENTS)) {
    const name = type[0]!.toUpperCase() + type.slice(1);
    names.push(name);
    out.push(`  interface ${name} extends EventBase {`, `    readonly type: '${type}';`);
    for (const [field, kind] of Object.entries(fields as Record<string, FieldKind>)) {
      const opt = kind === 'str?' ? '?' : '';
      out.push(`    readonly ${field}${opt}: ${typeOf(type, field, kind)};`);
    }
    out.push('  }');
  }
  out.push(`  type Event = ${names.join(' | ')};`);
  return out.join('\n');
}

/**
 * The whole library: the machine view's declarations (a module file) inside the namespace, the
 * events, and the two names a condition reads.
 */
export function conditionLib(machineViewDts: string): string {
  const body = machineViewDts
    .replace(/\r\n?/g, '\n')
    .replace(/^export declare /gm, 'export ')
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
  return [
    `declare namespace ${NAMESPACE} {`,
    body.trimEnd(),
    eventDeclarations(),
    '}',
    '/** The machine after the event just folded (read-only). */',
    `declare const machine: ${NAMESPACE}.Machine;`,
    '/** The event just folded (null at the start of a scan). */',
    `declare const event: ${NAMESPACE}.Event | null;`,
    '',
  ].join('\n');
}
