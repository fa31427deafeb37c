// The projection before the first event: every core on its idle thread, every thread as the
// root task left it (ready to run), every endpoint and notification idle.
import { initialRefills } from './schedContextRefills';
import type { MachineDescription } from '../sim/describe';
import { emptyEntryCounts } from '../sim/events/entryCounts';
import type {
  EndpointView,
  NotificationView,
  Projection,
  SchedContextView,
  StatsView,
  ThreadView,
} from './types';

export function emptyStats(): StatsView {
  return {
    ...emptyEntryCounts(),
    byName: {},
    slowpathReasons: {},
    ipcSlowpathReasons: {},
    messages: 0,
    ipis: 0,
    migrations: 0,
    migrationCycles: 0,
    kernelMigrations: 0,
    kernelMigrationCycles: 0,
    lockAcquisitions: 0,
    lockContended: 0,
    lockSpinCycles: 0,
    fileOps: 0,
    fileOpKernelEntries: 0,
  };
}

export function createProjection(desc: MachineDescription): Projection {
  const threads: Record<string, ThreadView> = {};
  for (const t of desc.threads) {
    threads[t.name] = {
      name: t.name,
      state: t.state,
      blockedOn: null,
      core: t.core,
      runningOn: null,
      priority: t.priority,
      sc: t.sc,
      lastCap: null,
      lastSyscall: null,
      syscalls: 0,
      fastpath: 0,
      slowpath: 0,
      kernelCycles: 0,
      sent: 0,
      received: 0,
      lastMessage: null,
      stopped: null,
    };
  }
  const endpoints: Record<string, EndpointView> = {};
  for (const e of desc.endpoints) {
    endpoints[e.name] = {
      name: e.name,
      image: e.image,
      state: 'idle',
      queue: [],
      messages: 0,
      lastMessage: null,
      changedAt: null,
    };
  }
  const notifications: Record<string, NotificationView> = {};
  for (const n of desc.notifications) {
    notifications[n.name] = {
      name: n.name,
      image: n.image,
      state: 'idle',
      queue: [],
      messages: 0,
      lastMessage: null,
      changedAt: null,
      word: 0,
      boundThread: n.boundThread,
      signals: 0,
    };
  }
  const schedContexts: Record<string, SchedContextView> = {};
  for (const sc of desc.schedContexts) {
    schedContexts[sc.name] = {
      name: sc.name,
      core: sc.core,
      holder: sc.home,
      home: sc.home,
      ...initialRefills(sc),
    };
  }
  return {
    index: 0,
    t: 0,
    cores: desc.cores.map((c) => ({
      id: c.id,
      image: c.image,
      thread: c.idleThread,
      idleThread: c.idleThread,
      mode: 'idle',
      entry: null,
      entryThread: null,
      since: 0,
      kernelEntries: 0,
      kernelCycles: 0,
      entryMessages: 0,
    })),
    threads,
    endpoints,
    notifications,
    locks: desc.images.map((img) => ({
      image: img.id,
      hasLock: img.hasLock,
      holder: null,
      queue: [],
      acquisitions: 0,
      contended: 0,
      spinCycles: 0,
    })),
    lines: {},
    schedContexts,
    namespaces: {},
    ports: {},
    fileOps: [],
    faults: [],
    stats: emptyStats(),
  };
}
