// Errors where they happened: turns what the engine reports (a load error with file/line/column,
// a program's exception, a cap fault, the watchdog stopping an endless loop) into markers on the
// lines of the scenario in the editor. Pure: no Monaco, no DOM.

/** Where a marker came from: the editor's type check, or the engine. */
export type MarkerSource = 'compile' | 'load' | 'runtime' | 'fault' | 'watchdog';

export interface EditorMarker {
  /** 1-based line in the editor's text. */
  line: number;
  /** 1-based column; the whole line is marked when absent. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  source: MarkerSource;
}

/** The engine's error reply (protocol `error`), as far as markers need it. */
export interface EngineError {
  kind: 'load' | 'setup' | 'runtime' | 'watchdog';
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  thread?: string;
}

/** A `faultRaised` event, as far as markers need it. */
export interface FaultReport {
  thread: string;
  faultType: string;
  detail: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The last "file:line:col" (or "file:line") naming `file` in a message, e.g. "(scenario.ts:12:5)". */
export function findLocation(text: string, file: string): { line: number; column?: number } | null {
  const re = new RegExp(`${escapeRegExp(file)}:(\\d+)(?::(\\d+))?`, 'g');
  let found: { line: number; column?: number } | null = null;
  for (const m of text.matchAll(re)) {
    found = { line: Number(m[1]) };
    if (m[2] !== undefined) found.column = Number(m[2]);
  }
  return found;
}

/** The line of a watchdog message: "... (endless loop at line 12?) ...". */
export function watchdogLine(text: string): number | null {
  const m = /endless loop at line (\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The lines that name `slot` as the first argument of a `sys.<op>(...)` call. */
export function linesUsingSlot(source: string, slot: string): number[] {
  const re = new RegExp(`\\.\\w+\\(\\s*(['"\`])${escapeRegExp(slot)}\\1`);
  const lines: number[] = [];
  source.split('\n').forEach((text, i) => {
    if (re.test(text)) lines.push(i + 1);
  });
  return lines;
}

/** A marker for an error reply of the engine, or null when it points at no line of `file`. */
export function markerFromError(e: EngineError, file: string): EditorMarker | null {
  if (e.file !== null && e.file !== file) return null;
  const source = e.kind === 'setup' ? 'load' : e.kind;
  let at: { line: number; column?: number } | null = null;
  if (e.line !== null) {
    at = { line: e.line };
    if (e.column !== null) at.column = e.column;
  } else if (e.kind === 'watchdog') {
    const line = watchdogLine(e.message);
    at = line === null ? null : { line };
  }
  if (at === null || at.column === undefined) {
    const named = findLocation(e.message, file);
    if (named !== null && (at === null || named.line === at.line)) at = named;
  }
  if (at === null) return null;
  const who = e.thread !== undefined && !e.message.includes(`'${e.thread}'`) ? `${e.thread}: ` : '';
  return { ...at, message: `${who}${e.message}`, severity: 'error', source };
}

/**
 * Markers for a fault. An exception names its own line; the watchdog names the loop's line; a cap
 * fault names a slot, so every `sys.<op>('slot', ...)` line of the source is marked (the kernel
 * knows the slot, not the line of the call).
 */
export function markersFromFault(f: FaultReport, source: string, file: string): EditorMarker[] {
  if (f.faultType === 'watchdog') {
    const line = watchdogLine(f.detail);
    return line === null
      ? []
      : [{ line, message: f.detail, severity: 'error', source: 'watchdog' }];
  }
  if (f.faultType === 'capFault') {
    const slot = /slot '([^']*)'/.exec(f.detail)?.[1];
    if (slot === undefined) return [];
    const message = `cap fault in '${f.thread}': ${f.detail}`;
    return linesUsingSlot(source, slot).map((line) => ({
      line,
      message,
      severity: 'error',
      source: 'fault',
    }));
  }
  const at = findLocation(f.detail, file);
  if (at === null) return [];
  const message = f.detail.includes(`'${f.thread}'`) ? f.detail : `${f.thread}: ${f.detail}`;
  return [{ ...at, message, severity: 'error', source: 'fault' }];
}

/** Drops repeats: the engine reports a program's exception both as an error and as a fault. */
export function dedupeMarkers(markers: readonly EditorMarker[]): EditorMarker[] {
  const seen = new Set<string>();
  const out: EditorMarker[] = [];
  for (const m of markers) {
    const key = `${m.line}\u0000${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/**
 * Every marker for the loaded script: the engine's error replies and the faults raised so far.
 * `thread: null` (as the app stores it) means none.
 */
export function collectMarkers(
  errors: readonly (Omit<EngineError, 'thread'> & { thread?: string | null })[],
  faults: readonly FaultReport[],
  source: string,
  file: string,
): EditorMarker[] {
  const out: EditorMarker[] = [];
  for (const { thread, ...e } of errors) {
    const m = markerFromError(thread === null || thread === undefined ? e : { ...e, thread }, file);
    if (m !== null) out.push(m);
  }
  for (const f of faults) out.push(...markersFromFault(f, source, file));
  return dedupeMarkers(out);
}
