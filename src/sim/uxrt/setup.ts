// The root task's part of the UX/RT layer (sel4-reference.md §4.1 "architecture notes"): the
// process server (VFS) is an ordinary thread that holds every process's TCB cap and is every
// process's fault handler; each server gets an endpoint for its port, and every process a badged
// cap to the process server. The layer is on when setup calls k.uxrt(), or when a process
// declares `serves` or `parent`. One process server per kernel image: caps mean nothing across
// images, so a multikernel needs one per image.
import type { Endpoint, Rights } from '../kernel/objects';
import { insertCap } from '../kernel/transfer';
import type * as Api from '../script/ipcscope';
import { SetupError, type World } from '../worldTypes';
import { vfsProgram } from './processServer';
import { FAULT_BADGE_BASE, SLOT } from './slots';
import type { UxrtProc, UxrtWorld } from './uxrtWorld';

// Write and GrantReply are all a client needs: the reply cap's Grant right, which lets the
// process server's reply carry the open file's cap back, comes from the server's own endpoint
// cap (seL4 src/object/endpoint.c receiveIPC -> setupCallerCap; §1.3, §1.5).
const VFS_RIGHTS: Rights = { read: false, write: true, grant: false, grantReply: true };
const ALL: Rights = { read: true, write: true, grant: true, grantReply: true };

export interface UxrtSetup {
  enable(opts?: Api.UxrtOptions): Api.ObjectHandle;
  finish(): UxrtWorld | null;
}

export function createUxrtSetup(k: Api.Setup, world: World): UxrtSetup {
  let options: Api.UxrtOptions | null = null;
  let handle: Api.ObjectHandle | null = null;
  const state = world.state;
  const image = (core: number): number => state.config.imageOfCore[core]!;

  const addVfs = (name: string, core: number, priority: number): void => {
    const ep = k.endpoint(`${name}.port`, { core });
    const h = k.process(name, vfsProgram, { core, priority, caps: { [SLOT.self]: ep.cap() } });
    if (name === 'vfs') handle = h;
  };

  const enable = (opts: Api.UxrtOptions = {}): Api.ObjectHandle => {
    if (options !== null) throw new SetupError('k.uxrt() was already called');
    options = opts;
    addVfs('vfs', opts.core ?? 0, opts.priority ?? 250);
    return handle!;
  };

  const finish = (): UxrtWorld | null => {
    const defs = world.processes.filter((p) => p.program !== vfsProgram);
    const wanted = defs.some((p) => p.opts.serves !== undefined || p.opts.parent !== undefined);
    if (options === null && !wanted) {
      for (const p of defs) {
        if (p.opts.shareNamespace !== undefined) {
          throw new SetupError(`process '${p.tcb.name}': shareNamespace needs a parent`);
        }
      }
      return null;
    }
    if (options === null) enable({});
    const ux: UxrtWorld = { vfs: new Map(), procs: new Map(), ports: new Map() };
    const vfsCore = options!.core ?? 0;
    ux.vfs.set(image(vfsCore), 'vfs');
    for (const p of defs) {
      const img = p.tcb.image;
      if (ux.vfs.has(img)) continue;
      const core = state.config.imageOfCore.indexOf(img);
      addVfs(`vfs.${img}`, core, options!.priority ?? 250);
      ux.vfs.set(img, `vfs.${img}`);
    }
    defs.forEach((p, pid) => {
      const o = p.opts;
      ux.procs.set(p.tcb.name, {
        name: p.tcb.name,
        pid,
        tcb: p.tcb,
        serves: o.serves ?? null,
        parent: o.parent ?? null,
        shareNamespace: o.shareNamespace ?? false,
      });
    });
    for (const pr of ux.procs.values()) checkProc(pr, ux, world);
    for (const pr of ux.procs.values()) wireProc(pr, ux, world, k);
    return ux;
  };

  return { enable, finish };
}

function checkProc(pr: UxrtProc, ux: UxrtWorld, world: World): void {
  const who = `process '${pr.name}'`;
  if (pr.serves !== null) {
    if (!/^[A-Za-z_][\w.-]*$/.test(pr.serves)) {
      throw new SetupError(`${who}: port name '${pr.serves}' must use letters, digits, _ . -`);
    }
    const other = ux.ports.get(pr.serves);
    if (other !== undefined) {
      throw new SetupError(`${who}: port '${pr.serves}' is already served by '${other.server}'`);
    }
    ux.ports.set(pr.serves, {
      name: pr.serves,
      server: pr.name,
      image: pr.tcb.image,
      endpoint: `srv.${pr.serves}`,
    });
  }
  if (pr.parent !== null) {
    const parent = ux.procs.get(pr.parent);
    if (parent === undefined || pr.parent === pr.name) {
      throw new SetupError(`${who}: parent '${pr.parent}' is not another process of this scenario`);
    }
    world.suspendedAtStart.add(pr.tcb);
  } else if (pr.shareNamespace) {
    throw new SetupError(`${who}: shareNamespace needs a parent`);
  }
  for (const slot of pr.tcb.cspace.keys()) {
    if (slot.startsWith('uxrt:')) throw new SetupError(`${who}: slots 'uxrt:...' are reserved`);
  }
}

function endpointNamed(world: World, name: string): Endpoint {
  return world.state.endpoints.find((e) => e.name === name)!;
}

function wireProc(pr: UxrtProc, ux: UxrtWorld, world: World, k: Api.Setup): void {
  const img = pr.tcb.image;
  const vfsName = ux.vfs.get(img)!;
  const vfsEp = endpointNamed(world, `${vfsName}.port`);
  const vfsTcb = world.state.threads.find((t) => t.name === vfsName)!;
  insertCap(pr.tcb, SLOT.vfs, { object: vfsEp, rights: { ...VFS_RIGHTS }, badge: pr.pid + 1 });
  if (pr.tcb.faultHandlerSlot === null) {
    // The process server handles every fault of the processes it made (UX/RT architecture).
    const rights = { read: false, write: true, grant: false, grantReply: true };
    insertCap(pr.tcb, SLOT.fault, { object: vfsEp, rights, badge: FAULT_BADGE_BASE + pr.pid });
    pr.tcb.faultHandlerSlot = SLOT.fault;
  }
  for (const [i, name] of ux.vfs) {
    if (i !== img) continue;
    const t = world.state.threads.find((x) => x.name === name)!;
    insertCap(t, SLOT.tcb(pr.name), { object: pr.tcb, rights: { ...ALL }, badge: 0 });
  }
  if (pr.serves !== null) {
    const port = ux.ports.get(pr.serves)!;
    k.endpoint(port.endpoint, { core: pr.tcb.affinity });
    const ep = endpointNamed(world, port.endpoint);
    insertCap(pr.tcb, SLOT.port, { object: ep, rights: { ...ALL }, badge: 0 });
    insertCap(vfsTcb, SLOT.srv(port.name), { object: ep, rights: { ...ALL }, badge: 0 });
  }
}
