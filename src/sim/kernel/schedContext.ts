// Scheduling contexts (MCS; seL4 src/object/schedcontext.c: schedContext_donate,
// schedContext_bindNtfn, migrateTCB; src/object/schedcontrol.c: invokeSchedControl_ConfigureFlags;
// sel4-reference.md §1.9). Budget b of every period p; b == p is round robin; otherwise the
// budget is a sporadic server with a bounded list of refills (sporadic.ts).
import { Line } from '../machine/cacheLines';
import type { PlatformProfile } from '../machine/platform';
import type { Kernel } from './kernelState';
import type { SchedContext, Tcb } from './objects';
import { MIN_REFILLS, refillNew } from './sporadic';
import { tcbSchedDequeue } from './scheduler';

/** seL4 MIN_BUDGET_US = 2 x kernel WCET (10 us) x KERNEL_WCET_SCALE (1). */
export const MIN_BUDGET_US = 20;

/** What a scenario says about an SC (ProcessOptions or a notification's `sc`). */
export interface ScOptions {
  budget?: number;
  period?: number;
  extraRefills?: number;
  badge?: number;
}

/**
 * SchedControl_ConfigureFlags: an SC with `budget` of every `period` microseconds on `core`;
 * returns the error as text when the parameters are out of seL4's range.
 */
export function makeSchedContext(
  name: string,
  image: number,
  core: number,
  o: ScOptions,
  profile: PlatformProfile,
  tcb: Tcb | null,
): SchedContext | string {
  const periodUs = o.period ?? 10000;
  const budgetUs = o.budget ?? periodUs;
  if (!(budgetUs > 0) || !(periodUs > 0) || budgetUs > periodUs)
    return 'budget must be > 0 and <= period';
  if (budgetUs < MIN_BUDGET_US)
    return `budget ${budgetUs} us is below seL4's MIN_BUDGET (${MIN_BUDGET_US} us, 2 x the kernel WCET)`;
  const extra = o.extraRefills ?? 0;
  if (!Number.isInteger(extra) || extra < 0 || extra > 62)
    return `extraRefills ${extra} is not an integer from 0 to 62`;
  const sc: SchedContext = {
    kind: 'schedContext',
    name,
    line: new Line(`sc.${name}`),
    image,
    core,
    budget: Math.round(budgetUs * profile.clockMHz),
    period: Math.round(periodUs * profile.clockMHz),
    refills: [],
    maxRefills: MIN_REFILLS + extra,
    badge: o.badge ?? 0,
    ntfn: null,
    tcb,
    home: tcb,
    consumed: 0,
  };
  refillNew(sc, 0);
  return sc;
}

/** migrateTCB: move a thread to another core (its ready-queue entry moves with it). */
export function migrateTcb(k: Kernel, t: Tcb, core: number): void {
  if (t.affinity === core) return;
  const from = t.affinity;
  tcbSchedDequeue(k, t);
  t.affinity = core;
  k.fx.emit({ type: 'threadMigrated', thread: t.name, from, to: core });
}

/**
 * schedContext_donate: lend `sc` to `to`. A passive receiver migrates to the SC's core, so a
 * passive server follows its clients from core to core (§1.9 "SMP").
 */
export function schedContextDonate(k: Kernel, sc: SchedContext, to: Tcb, returning = false): void {
  const from = sc.tcb;
  if (from !== null) {
    tcbSchedDequeue(k, from);
    from.sc = null;
  }
  sc.tcb = to;
  to.sc = sc;
  k.fx.touch(sc.line, true);
  k.fx.emit({
    type: returning ? 'schedContextReturned' : 'schedContextDonated',
    sc: sc.name,
    from: from?.name ?? '',
    to: to.name,
  });
  migrateTcb(k, to, sc.core);
}

/** The SC leaves its thread, which is left without one (schedContext_unbindTCB). */
export function schedContextUnbindTcb(k: Kernel, sc: SchedContext, returnTo: string): void {
  const from = sc.tcb;
  if (from === null) return;
  tcbSchedDequeue(k, from);
  from.sc = null;
  sc.tcb = null;
  k.fx.touch(sc.line, true);
  k.fx.emit({ type: 'schedContextReturned', sc: sc.name, from: from.name, to: returnTo });
}
