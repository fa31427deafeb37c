// Platform profile: the hardware and kernel-path costs one simulated machine is built from
// (DESIGN.md "Machine"; sel4-reference.md §1.4, §2, §3). Every number is cycles of the core clock.

export type Isa = 'x86-64' | 'aarch64' | 'aarch32' | 'riscv64' | 'ia32';

/** Kernel path costs for one kernel flavour (classic or MCS), hot cache, same core. */
/** Optional timing noise drawn from the run's seed (off by default; noise.ts draws it). */
export interface TimingNoise {
  /** Extra cycles, uniform in [0, lineJitter], on each cross-core cache-line transfer. */
  lineJitter: number;
  /** Extra cycles, uniform in [0, irqJitter], on each IPI's and release interrupt's arrival. */
  irqJitter: number;
}

export interface KernelCosts {
  /** One-way fastpath seL4_Call, user to user (sel4bench "IPC call"). */
  fastpathCall: number;
  /** One-way fastpath seL4_ReplyRecv, user to user (sel4bench "IPC reply"). */
  fastpathReplyRecv: number;
  /** Signal that wakes a higher-priority thread in another address space (sel4bench "Notify"). */
  notify: number;
  /** Signal that does not switch threads (EuroSys'18 Table 2 "signal"). */
  signal: number;
}

export interface Topology {
  /** Cores that share a last-level cache (an Arm cluster, an AMD CCX, an Intel socket). */
  clusterSize: number;
  /** Cores per socket. */
  socketSize: number;
}

/** One-way cache-line transfer cost between two cores, by the closest level they share. */
export interface LineTransfer {
  cluster: number;
  socket: number;
  remote: number;
}

export interface PlatformProfile {
  id: string;
  name: string;
  isa: Isa;
  clockMHz: number;
  cores: number;
  topology: Topology;
  lineTransfer: LineTransfer;
  lineSize: number;
  /** Physical message registers (seL4_FastMessageRegisters), classic and MCS (§1.4). */
  physicalMRs: { classic: number; mcs: number };
  classic: KernelCosts;
  mcs: KernelCosts;
  /** Extra cycles the uncontended CLH big lock adds to every kernel entry (§2.4). */
  lockOverhead: number;
  /** Null syscall / Yield without a switch (§2.3, PR #322). */
  nullSyscall: number;
  /** Interrupt (IPI, timer) delivered to a user-level handler in another address space (§2.1). */
  irqInvoke: number;
  /** Time from sending an IPI until the target core takes the interrupt. */
  ipiLatency: number;
  /** Copy cost per message word that does not fit in physical registers. */
  copyPerWord: number;
  /** User-level copy cost per byte (memcpy between buffers). */
  copyPerByte: number;
  /** Where each figure comes from, shown by `ipcscope platforms`. */
  sources: string;
  /** Optional timing noise drawn from the run's seed (noise.ts); absent: none. */
  noise?: TimingNoise;
}

export interface PlatformOverride extends Partial<
  Omit<PlatformProfile, 'classic' | 'mcs' | 'topology' | 'lineTransfer' | 'physicalMRs' | 'noise'>
> {
  noise?: Partial<TimingNoise>;
  /** For a scenario's own platform: the built-in profile it starts from. */
  base?: string;
  topology?: Partial<Topology>;
  lineTransfer?: Partial<LineTransfer>;
  physicalMRs?: Partial<PlatformProfile['physicalMRs']>;
  classic?: Partial<KernelCosts>;
  mcs?: Partial<KernelCosts>;
}

export type TopologyLevel = 'core' | 'cluster' | 'socket' | 'remote';

export function topologyLevel(p: PlatformProfile, a: number, b: number): TopologyLevel {
  if (a === b) return 'core';
  const { clusterSize, socketSize } = p.topology;
  if (Math.floor(a / clusterSize) === Math.floor(b / clusterSize)) return 'cluster';
  if (Math.floor(a / socketSize) === Math.floor(b / socketSize)) return 'socket';
  return 'remote';
}

/** One-way line transfer cost between two cores (0 on the same core). */
export function transferCost(p: PlatformProfile, a: number, b: number): number {
  const level = topologyLevel(p, a, b);
  return level === 'core' ? 0 : p.lineTransfer[level];
}

export function applyOverride(
  base: PlatformProfile,
  o: PlatformOverride | undefined,
): PlatformProfile {
  if (!o) return base;
  const { noise, ...rest } = o;
  const out: PlatformProfile = {
    ...base,
    ...rest,
    topology: { ...base.topology, ...o.topology },
    lineTransfer: { ...base.lineTransfer, ...o.lineTransfer },
    physicalMRs: { ...base.physicalMRs, ...o.physicalMRs },
    classic: { ...base.classic, ...o.classic },
    mcs: { ...base.mcs, ...o.mcs },
  };
  if (noise !== undefined) {
    out.noise = {
      lineJitter: noise.lineJitter ?? base.noise?.lineJitter ?? 0,
      irqJitter: noise.irqJitter ?? base.noise?.irqJitter ?? 0,
    };
  }
  return out;
}
