// The cost model of one kernel entry (DESIGN.md "Cost of a kernel entry"): the path's cost from
// the platform profile, plus (added by the caller) the transfer cost of every line another core
// owned and the lock overhead. Fastpath costs are the calibrated sel4bench figures; a slowpath is
// built from published pieces: a signal without switch is the bare slowpath entry (EuroSys'18
// Table 2), Notify - signal is the price of switching address spaces, and moving a message adds
// half a fastpath Call [derived: the fastpath is roughly half transfer, half entry/switch].
import type { SyscallRequest } from './kernel/requests';
import type { SyscallOutcome } from './kernel/syscalls';
import type { Interrupt } from './coreState';
import type { CoreContext } from './coreContext';

export function kernelEntryCost(
  sim: CoreContext,
  req: SyscallRequest | null,
  irq: Interrupt | null,
  outcome: SyscallOutcome | null,
  switched: boolean,
  messages: number,
): number {
  const p = sim.profile;
  const c = sim.k.state.config.mcs ? p.mcs : p.classic;
  const switchCost = Math.max(0, c.notify - c.signal);
  if (irq !== null) return switched ? p.irqInvoke : p.nullSyscall;
  if (req === null || outcome === null) return p.nullSyscall;
  if (outcome.path === 'fast') {
    return req.op === 'call' ? c.fastpathCall : c.fastpathReplyRecv;
  }
  if (req.op === 'yield') return p.nullSyscall + (switched ? switchCost : 0);
  return c.signal + messages * (c.fastpathCall / 2) + (switched ? switchCost : 0);
}
