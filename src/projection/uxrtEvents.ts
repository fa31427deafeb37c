// The namespace events of the UX/RT layer (DESIGN.md "Events"): namespaceChanged gives a
// process's whole namespace after a bind, mount or unmount; portRegistered names the process that
// serves a port. Matched by name and checked by shape, so the projection folds them whether or
// not the engine in use emits them.
import type { SimEvent } from '../sim/simEvents';

export type UxrtEvent =
  | { type: 'namespaceChanged'; process: string; bindings: unknown }
  | { type: 'portRegistered'; port: string; server: string };

export function uxrtEvent(e: SimEvent): UxrtEvent | null {
  const r = e as unknown as Record<string, unknown>;
  if (r.type === 'namespaceChanged' && typeof r.process === 'string') {
    return { type: 'namespaceChanged', process: r.process, bindings: r.bindings };
  }
  if (r.type === 'portRegistered' && typeof r.port === 'string') {
    return { type: 'portRegistered', port: r.port, server: String(r.server) };
  }
  return null;
}
