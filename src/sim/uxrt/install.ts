// Gives every thread's sys object the UX/RT half of the scenario API (DESIGN.md "A scenario
// file"): the client file calls, serve(), errstr() and lastFileOp(). A server's program is wrapped
// so that its end is reported to the process server. Called by the Simulation for every thread.
import type { ThreadRuntime } from '../programs';
import type * as Api from '../script/ipcscope';
import type { CoreContext } from '../coreContext';
import { setContext, type ThreadCtx } from './context';
import { createFileApi } from './fileApi';
import { createPathApi } from './pathApi';
import { uxrtRuntime } from './runtime';
import { serveLoop, serverProgram } from './serve';

export function installUxrt(sys: Api.Sys, rt: ThreadRuntime, sim: CoreContext): void {
  const runtime = uxrtRuntime(sim);
  const name = rt.tcb.name;
  const ctx: ThreadCtx = {
    sys,
    sim,
    rt,
    runtime,
    name,
    proc: runtime.world?.procs.get(name) ?? null,
  };
  setContext(sys, ctx);
  Object.assign(sys, createFileApi(ctx), createPathApi(ctx), {
    serve: (handlers: Api.FileServer) => serveLoop(ctx, handlers),
    errstr: () => runtime.errstr.get(name) ?? '',
    lastFileOp: (): Api.FileOpInfo | null => {
      const r = runtime.last.get(name);
      return r === undefined ? null : { ...r, hops: [...r.hops] };
    },
  });
  if ((ctx.proc?.serves ?? null) !== null) rt.program = serverProgram(rt.program);
}
