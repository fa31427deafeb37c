// The root task: runs a scenario's setup(k) against the kernel model, creating objects, threads
// and caps (DESIGN.md "A scenario file"). Errors name the process and option that is wrong.
import type { RunConfig } from './config';
import type { Rng } from './engine/rng';
import { makeSchedContext } from './kernel/schedContext';
import { parseKernelImages } from './config';
import type { PlatformProfile } from './machine/platform';
import type { KernelState, NodeState } from './kernel/kernelState';
import { NUM_PRIORITIES } from './kernel/kernelState';
import type { Cap, Endpoint, KernelObject, Notification, Rights, Tcb } from './kernel/objects';
import { emptyBlocking } from './kernel/objects';
import { insertCap } from './kernel/transfer';
import { Line, schedLine, tcbLines } from './kernel/lines';
import type * as Api from './script/ipcscope';
import { createUxrtSetup } from './uxrt/setup';
import { SetupError, type World } from './worldTypes';

export { SetupError, type ProcessDef, type World } from './worldTypes';

interface CapSpecImpl extends Api.CapSpec {
  target: KernelObject;
  rights: Rights;
  badge: number;
}

const TIMESLICE_MS = 10; // KernelTimeSlice 5 ticks x KernelTimerTickMS 2 ms (§1.8)
// MIN_BUDGET_US = 2 x getKernelWcetUs() x KERNEL_WCET_SCALE: 2 x 10 us x 1 on the platforms
// seL4 configures (KERNEL_WCET 10u, include/kernel/sporadic.h).
const MIN_BUDGET_US = 20;

function makeTcb(
  name: string,
  id: number,
  image: number,
  core: number,
  priority: number,
  idle: boolean,
  timeslice: number,
): Tcb {
  return {
    kind: 'tcb',
    name,
    logId: -1,
    lines: tcbLines(name),
    id,
    image,
    priority,
    mcp: priority,
    affinity: core,
    state: idle ? 'idle' : 'inactive',
    blocking: emptyBlocking(),
    queued: false,
    cspace: new Map(),
    nextSlotIndex: 1,
    callerSlot: null,
    boundNotification: null,
    faultHandlerSlot: null,
    timeoutHandlerSlot: null,
    inReleaseQueue: false,
    fault: null,
    receiveSlot: null,
    sc: null,
    reply: null,
    timeslice,
    outbox: { label: 0, words: [], caps: [] },
    inbox: null,
    isIdle: idle,
    affinityReason: null,
  };
}

function badgeLimit(p: PlatformProfile): number {
  return p.isa === 'aarch32' || p.isa === 'ia32' ? 2 ** 28 : Number.MAX_SAFE_INTEGER;
}

export function buildWorld(
  spec: Api.Scenario,
  config: RunConfig,
  profile: PlatformProfile,
  rng: Rng,
): World {
  const imageOfCore = parseKernelImages(config.kernel, config.cores);
  const coresInImage: number[] = [];
  for (const img of imageOfCore) coresInImage[img] = (coresInImage[img] ?? 0) + 1;
  const timeslice = Math.round(TIMESLICE_MS * 1000 * profile.clockMHz);
  const nodes: NodeState[] = imageOfCore.map((image, core) => {
    const idle = makeTcb(`idle.${core}`, -1 - core, image, core, 0, true, timeslice);
    return {
      core,
      image,
      curThread: idle,
      idleThread: idle,
      schedLine: schedLine(core),
      schedulerAction: 'resumeCurrentThread',
      readyQueues: Array.from({ length: NUM_PRIORITIES }, () => []),
      readyBitmap: new Uint32Array(NUM_PRIORITIES / 32),
      readyL1: 0,
      curTime: 0,
      consumed: 0,
      curSc: null,
      releaseQueue: [],
    };
  });
  const state: KernelState = {
    profile,
    nodes,
    threads: [],
    endpoints: [],
    notifications: [],
    replies: [],
    schedContexts: [],
    replyCap: { name: 'reply cap', logId: -1 },
    config: {
      mcs: config.mcs,
      imageOfCore,
      coresInImage,
      timeslice,
      minBudget: Math.round(MIN_BUDGET_US * profile.clockMHz),
    },
  };
  const world: World = {
    state,
    processes: [],
    regions: new Map(),
    uxrt: null,
    suspendedAtStart: new Set(),
  };
  const names = new Set<string>();
  const unique = (kind: string, name: string): void => {
    if (typeof name !== 'string' || !/^[A-Za-z_][\w.-]*$/.test(name)) {
      throw new SetupError(
        `${kind} name ${JSON.stringify(name)} must start with a letter and use letters, digits, _ . -`,
      );
    }
    if (names.has(name))
      throw new SetupError(`${kind} '${name}': an object with this name already exists`);
    names.add(name);
  };
  const coreOf = (what: string, core: number | undefined): number => {
    const c = core ?? 0;
    if (!Number.isInteger(c) || c < 0 || c >= config.cores) {
      throw new SetupError(
        `${what}: core ${c} does not exist (this machine has cores 0-${config.cores - 1})`,
      );
    }
    return c;
  };
  const handle = (o: KernelObject): Api.ObjectHandle => ({
    name: o.name,
    cap(opts?: Api.CapOptions): Api.CapSpec {
      const r = opts?.rights;
      const rights: Rights =
        r === undefined
          ? { read: true, write: true, grant: true, grantReply: true }
          : {
              read: r.read ?? false,
              write: r.write ?? false,
              grant: r.grant ?? false,
              grantReply: r.grantReply ?? false,
            };
      const badge = opts?.badge ?? 0;
      if (!Number.isInteger(badge) || badge < 0 || badge >= badgeLimit(profile)) {
        throw new SetupError(`badge ${badge} for '${o.name}' is not a valid ${profile.isa} badge`);
      }
      const spec: CapSpecImpl = { __cap: true, object: o.name, target: o, rights, badge };
      return spec;
    },
  });

  const k: Api.Setup = {
    machine: {
      platform: config.platform,
      cores: config.cores,
      kernel: config.kernel,
      mcs: config.mcs,
      seed: config.seed,
      isa: profile.isa,
      messageRegisters: config.mcs ? profile.physicalMRs.mcs : profile.physicalMRs.classic,
    },
    params: { ...config.params },
    random: () => rng.next(),
    endpoint(name, opts) {
      unique('endpoint', name);
      const image = imageOfCore[coreOf(`endpoint '${name}'`, opts?.core)]!;
      const ep: Endpoint = {
        kind: 'endpoint',
        name,
        logId: -1,
        line: new Line(`ep.${name}`),
        image,
        state: 'idle',
        queue: [],
      };
      state.endpoints.push(ep);
      return handle(ep);
    },
    notification(name, opts) {
      unique('notification', name);
      const image = imageOfCore[coreOf(`notification '${name}'`, opts?.core)]!;
      const n: Notification = {
        kind: 'notification',
        name,
        logId: -1,
        line: new Line(`ntfn.${name}`),
        image,
        state: 'idle',
        word: 0,
        queue: [],
        boundTcb: null,
        channel: null,
        sc: null,
      };
      state.notifications.push(n);
      if (opts?.sc !== undefined) {
        if (!config.mcs)
          throw new SetupError(`notification '${name}': a bound SC needs the MCS kernel`);
        const core = coreOf(`notification '${name}'`, opts.core);
        const sc = makeSchedContext(`${name}.sc`, image, core, opts.sc, profile, null);
        if (typeof sc === 'string') throw new SetupError(`notification '${name}': ${sc}`);
        sc.ntfn = n;
        n.sc = sc;
        state.schedContexts.push(sc);
      }
      return handle(n);
    },
    channel(name, opts) {
      unique('channel', name);
      const a = coreOf(`channel '${name}' end a`, opts.a);
      const b = coreOf(`channel '${name}' end b`, opts.b);
      const mk = (side: string, core: number): Notification => {
        const n: Notification = {
          kind: 'notification',
          name: `${name}.${side}`,
          logId: -1,
          line: new Line(`ntfn.${name}.${side}`),
          image: imageOfCore[core]!,
          state: 'idle',
          word: 0,
          queue: [],
          boundTcb: null,
          channel: null,
          sc: null,
        };
        state.notifications.push(n);
        return n;
      };
      const na = mk('a', a);
      const nb = mk('b', b);
      world.regions.set(name, opts.bytes ?? 4096);
      na.channel = { name, peer: nb, peerCore: b, region: name, inbox: [] };
      nb.channel = { name, peer: na, peerCore: a, region: name, inbox: [] };
      return { name, a: handle(na), b: handle(nb) };
    },
    process(name, program, opts = {}) {
      unique('process', name);
      if (typeof program !== 'function')
        throw new SetupError(`process '${name}': the program must be a function* (sys) { ... }`);
      const core = coreOf(`process '${name}'`, opts.core);
      const priority = opts.priority ?? 100;
      if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
        throw new SetupError(`process '${name}': priority ${priority} is not in 0-255`);
      }
      const tcb = makeTcb(
        name,
        state.threads.length,
        imageOfCore[core]!,
        core,
        priority,
        false,
        timeslice,
      );
      for (const [slot, c] of Object.entries(opts.caps ?? {})) {
        const spec = c as Partial<CapSpecImpl>;
        if (!spec || spec.__cap !== true || spec.target === undefined) {
          throw new SetupError(`process '${name}': caps.${slot} is not a cap (use obj.cap())`);
        }
        const cap: Cap = {
          object: spec.target,
          rights: { ...spec.rights! },
          badge: spec.badge ?? 0,
        };
        insertCap(tcb, slot, cap);
      }
      const mustHold = (what: string, slot: string | undefined): void => {
        if (slot !== undefined && !tcb.cspace.has(slot)) {
          throw new SetupError(
            `process '${name}': ${what} '${slot}' is not one of its cap slots (${[...tcb.cspace.keys()].join(', ') || 'none'})`,
          );
        }
      };
      mustHold('faultHandler', opts.faultHandler);
      mustHold('boundNotification', opts.boundNotification);
      mustHold('timeoutHandler', opts.timeoutHandler);
      if (opts.timeoutHandler !== undefined && !config.mcs)
        throw new SetupError(`process '${name}': timeout handlers need the MCS kernel`);
      tcb.timeoutHandlerSlot = opts.timeoutHandler ?? null;
      if (opts.mcp !== undefined) {
        if (!Number.isInteger(opts.mcp) || opts.mcp < 0 || opts.mcp > 255)
          throw new SetupError(`process '${name}': mcp ${opts.mcp} is not in 0-255`);
        tcb.mcp = opts.mcp;
      }
      tcb.faultHandlerSlot = opts.faultHandler ?? null;
      tcb.receiveSlot = opts.receiveSlot ?? null;
      if (opts.boundNotification !== undefined) {
        const n = tcb.cspace.get(opts.boundNotification)!.cap!.object;
        if (n.kind !== 'notification')
          throw new SetupError(
            `process '${name}': boundNotification '${opts.boundNotification}' is not a notification cap`,
          );
        if (n.boundTcb !== null)
          throw new SetupError(`notification '${n.name}' is already bound to '${n.boundTcb.name}'`);
        n.boundTcb = tcb;
        tcb.boundNotification = n;
      }
      if (config.mcs) {
        const reply = {
          kind: 'reply' as const,
          name: `${name}.reply`,
          logId: -1,
          line: new Line(`reply.${name}.reply`),
          image: tcb.image,
          caller: null,
          owner: tcb,
          donatedSc: null,
        };
        state.replies.push(reply);
        tcb.reply = reply;
        if (!opts.passive) {
          const sc = makeSchedContext(
            `${name}.sc`,
            tcb.image,
            core,
            { ...opts, badge: opts.scBadge ?? 0 },
            profile,
            tcb,
          );
          if (typeof sc === 'string') throw new SetupError(`process '${name}': ${sc}`);
          state.schedContexts.push(sc);
          tcb.sc = sc;
        }
      } else if (opts.passive) {
        throw new SetupError(
          `process '${name}': passive servers need the MCS kernel (machine.mcs or --mcs)`,
        );
      }
      state.threads.push(tcb);
      world.processes.push({ tcb, program, opts });
      return handle(tcb);
    },
    sharedRegion(name, bytes) {
      unique('region', name);
      world.regions.set(name, bytes);
      return { name };
    },
    uxrt: (opts) => ux.enable(opts),
  };
  const ux = createUxrtSetup(k, world);
  spec.setup(k);
  world.uxrt = ux.finish();
  return world;
}
