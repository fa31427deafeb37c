// Names of the cache lines kernel paths touch (sel4-reference.md §3.3), built once per object so
// the hot path never concatenates strings: the endpoint, notification, reply object and SC are
// one line each; a TCB contributes its state, saved registers, caller-slot CTE and CSpace lines.
// Each is a Line handle, so the cache-line directory finds its state without a lookup by name.
import { Line } from '../machine/cacheLines';

export { Line };

export interface TcbLines {
  state: Line;
  regs: Line;
  cte: Line;
  cspace: Line;
  /** IPC buffer lines, made on first use (the message words that spill there, §1.4). */
  ipcbuf: Line[];
}

export function tcbLines(name: string): TcbLines {
  return {
    state: new Line(`tcb.${name}.state`),
    regs: new Line(`tcb.${name}.regs`),
    cte: new Line(`tcb.${name}.cte`),
    cspace: new Line(`tcb.${name}.cspace`),
    ipcbuf: [],
  };
}

/** IPC buffer line i of a thread named `name`. */
export function ipcBufferLine(lines: TcbLines, name: string, i: number): Line {
  return (lines.ipcbuf[i] ??= new Line(`ipcbuf.${name}.${i}`));
}

/** Per-core scheduler state: ksCurThread, ready-queue heads and bitmap (one per NodeState). */
export function schedLine(core: number): Line {
  return new Line(`sched.${core}`);
}
