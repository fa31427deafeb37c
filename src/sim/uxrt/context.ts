// What the UX/RT code running in a thread can reach: its sys object, its thread runtime, the
// simulation's UX/RT runtime and its own process record. Looked up by the thread's sys object.
import type { ThreadRuntime } from '../programs';
import type * as Api from '../script/ipcscope';
import type { UxrtHost } from './host';
import type { UxrtRuntime } from './runtime';
import type { UxrtProc } from './uxrtWorld';

export interface ThreadCtx {
  sys: Api.Sys;
  sim: UxrtHost;
  rt: ThreadRuntime;
  runtime: UxrtRuntime;
  name: string;
  /** Its entry in the process table, null for a process server or when the layer is off. */
  proc: UxrtProc | null;
}

const contexts = new WeakMap<Api.Sys, ThreadCtx>();

export function setContext(sys: Api.Sys, ctx: ThreadCtx): void {
  contexts.set(sys, ctx);
}

export function contextOf(sys: Api.Sys): ThreadCtx {
  const ctx = contexts.get(sys);
  if (ctx === undefined) throw new Error('this sys object does not belong to a simulated thread');
  return ctx;
}
