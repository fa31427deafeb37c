// Which events the Trace tab lists: by type, thread, core, object and free text. Fields left
// empty match everything. Threads are matched on every field that names one (thread, from, to).
import type { SimEvent } from '../../../sim/simEvents';

export interface TraceFilter {
  type: string;
  thread: string;
  core: string;
  object: string;
  text: string;
}

export const NO_FILTER: TraceFilter = { type: '', thread: '', core: '', object: '', text: '' };

export function isFiltering(f: TraceFilter): boolean {
  return [f.type, f.thread, f.core, f.object, f.text].some((v) => v.trim() !== '');
}

const THREAD_FIELDS = ['thread', 'from', 'to', 'waker', 'holder'];
const OBJECT_FIELDS = ['object', 'endpoint', 'notification', 'line', 'lock'];

function fieldIs(e: SimEvent, fields: readonly string[], want: string): boolean {
  const r = e as unknown as Record<string, unknown>;
  return fields.some((k) => typeof r[k] === 'string' && r[k] === want);
}

export function matchesFilter(e: SimEvent, f: TraceFilter, sentence: () => string): boolean {
  if (f.type !== '' && e.type !== f.type) return false;
  if (f.core.trim() !== '' && String(e.core) !== f.core.trim()) return false;
  if (f.thread.trim() !== '' && !fieldIs(e, THREAD_FIELDS, f.thread.trim())) return false;
  if (f.object.trim() !== '' && !fieldIs(e, OBJECT_FIELDS, f.object.trim())) return false;
  const text = f.text.trim().toLowerCase();
  if (text !== '') {
    const hay = `${sentence()} ${JSON.stringify(e)}`.toLowerCase();
    if (!hay.includes(text)) return false;
  }
  return true;
}
