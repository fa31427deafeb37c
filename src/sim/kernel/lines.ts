// Names of the cache lines kernel paths touch (sel4-reference.md §3.3), built once per object so
// the hot path never concatenates strings: the endpoint, notification, reply object and SC are
// one line each; a TCB contributes its state, saved registers, caller-slot CTE and CSpace lines.

export interface TcbLines {
  state: string;
  regs: string;
  cte: string;
  cspace: string;
}

export function tcbLines(name: string): TcbLines {
  return {
    state: `tcb.${name}.state`,
    regs: `tcb.${name}.regs`,
    cte: `tcb.${name}.cte`,
    cspace: `tcb.${name}.cspace`,
  };
}

const sched: string[] = [];

/** Per-core scheduler state: ksCurThread, ready-queue heads and bitmap. */
export function schedLine(core: number): string {
  return (sched[core] ??= `sched.${core}`);
}
