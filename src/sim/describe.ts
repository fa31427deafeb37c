// A static description of the machine a scenario built, taken once at load (before the first
// event): platform, cores with their cluster, socket and kernel image, threads with their caps,
// kernel objects and shared regions. Plain data: it crosses the worker boundary as is.
import type { RunConfig } from './config';
import type { Cap, Rights, Tcb } from './kernel/objects';
import type { Isa } from './machine/platform';
import type { Simulation } from './simulation';
import type { ThreadStateName } from './simEvents';

export interface CoreDescription {
  id: number;
  /** Index of the cluster (cores sharing a last-level cache). */
  cluster: number;
  socket: number;
  /** Kernel image the core runs (smp: 0 for all; multikernel: its own). */
  image: number;
  /** The core's idle thread (it runs when nothing else is ready). */
  idleThread: string;
}

export interface ImageDescription {
  id: number;
  cores: number[];
  /** A one-core image is a uniprocessor build: no big lock. */
  hasLock: boolean;
}

export interface CapDescription {
  slot: string;
  /** The slot number the inspector shows next to the name. */
  index: number;
  object: string;
  kind: 'endpoint' | 'notification' | 'tcb' | 'reply' | 'schedContext';
  rights: Rights;
  badge: number;
}

export interface ThreadDescription {
  name: string;
  id: number;
  core: number;
  image: number;
  priority: number;
  state: ThreadStateName;
  /** MCS: the scheduling context the thread owns (null for a passive thread or classic). */
  sc: string | null;
  /** MCS: the reply object the thread receives with. */
  reply: string | null;
  boundNotification: string | null;
  faultHandler: string | null;
  caps: CapDescription[];
}

export interface ObjectDescription {
  name: string;
  image: number;
}

export interface SchedContextDescription {
  name: string;
  core: number;
  budget: number;
  period: number;
  /** The thread it belongs to; a donated SC returns here. */
  home: string | null;
  /** Most refills it can hold (2 + extra refills). */
  maxRefills?: number;
  /** The notification it is bound to (lent to a passive thread the notification wakes). */
  notification?: string | null;
  /** Its refill list at the start, head first. */
  refills?: { time: number; amount: number }[];
}

export interface MachineDescription {
  platform: {
    id: string;
    name: string;
    isa: Isa;
    clockMHz: number;
    lineSize: number;
    clusterSize: number;
    socketSize: number;
    /** One-way line transfer cost in cycles by the closest shared level. */
    lineTransfer: { cluster: number; socket: number; remote: number };
    messageRegisters: number;
  };
  config: RunConfig;
  cores: CoreDescription[];
  images: ImageDescription[];
  threads: ThreadDescription[];
  endpoints: ObjectDescription[];
  notifications: (ObjectDescription & { boundThread: string | null })[];
  replies: (ObjectDescription & { owner: string })[];
  schedContexts: SchedContextDescription[];
  regions: { name: string; bytes: number }[];
}

function describeCap(slot: string, index: number, cap: Cap): CapDescription {
  return {
    slot,
    index,
    object: cap.object.name,
    kind: cap.object.kind,
    rights: { ...cap.rights },
    badge: cap.badge,
  };
}

function describeThread(t: Tcb): ThreadDescription {
  const caps: CapDescription[] = [];
  for (const s of t.cspace.values())
    if (s.cap !== null) caps.push(describeCap(s.name, s.index, s.cap));
  return {
    name: t.name,
    id: t.id,
    core: t.affinity,
    image: t.image,
    priority: t.priority,
    state: t.state,
    sc: t.sc?.name ?? null,
    reply: t.reply?.name ?? null,
    boundNotification: t.boundNotification?.name ?? null,
    faultHandler: t.faultHandlerSlot,
    caps,
  };
}

/** Describe a freshly built simulation. Cost: one pass over its objects. */
export function describeMachine(sim: Simulation): MachineDescription {
  const p = sim.profile;
  const s = sim.world.state;
  const { clusterSize, socketSize } = p.topology;
  const cores = s.nodes.map((n) => ({
    id: n.core,
    cluster: Math.floor(n.core / clusterSize),
    socket: Math.floor(n.core / socketSize),
    image: n.image,
    idleThread: n.idleThread.name,
  }));
  const images: ImageDescription[] = s.config.coresInImage.map((count, id) => ({
    id,
    cores: cores.filter((c) => c.image === id).map((c) => c.id),
    hasLock: count > 1,
  }));
  return {
    platform: {
      id: p.id,
      name: p.name,
      isa: p.isa,
      clockMHz: p.clockMHz,
      lineSize: p.lineSize,
      clusterSize,
      socketSize,
      lineTransfer: { ...p.lineTransfer },
      messageRegisters: s.config.mcs ? p.physicalMRs.mcs : p.physicalMRs.classic,
    },
    config: { ...sim.config, params: { ...sim.config.params } },
    cores,
    images,
    threads: s.threads.map(describeThread),
    endpoints: s.endpoints.map((e) => ({ name: e.name, image: e.image })),
    notifications: s.notifications.map((n) => ({
      name: n.name,
      image: n.image,
      boundThread: n.boundTcb?.name ?? null,
    })),
    replies: s.replies.map((r) => ({ name: r.name, image: r.image, owner: r.owner.name })),
    schedContexts: s.schedContexts.map((sc) => ({
      name: sc.name,
      core: sc.core,
      budget: sc.budget,
      period: sc.period,
      home: sc.home?.name ?? null,
      maxRefills: sc.maxRefills,
      notification: sc.ntfn?.name ?? null,
      refills: sc.refills.map((r) => ({ time: r.time, amount: r.amount })),
    })),
    regions: [...sim.world.regions].map(([name, bytes]) => ({ name, bytes })),
  };
}
