// Calibration: on every built-in profile a same-core, hot-cache, zero-length fastpath Call and
// ReplyRecv, and a Notify, cost what sel4bench snapshot A says (sel4-reference.md §2.1), within
// 5%, for the classic and the MCS kernel (§2.2). The figures are the published ones, typed here
// independently of platforms.ts so a slip in either shows up.
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import { resolveConfig } from '../config';
import { Simulation } from '../simulation';
import type { SimEvent } from '../simEvents';

const SNAPSHOT_A: Record<string, [number, number, number, number, number, number]> = {
  // platform: classic Call, Reply, Notify, MCS Call, Reply, Notify
  'a9-sabre': [316, 334, 850, 325, 364, 1153],
  'haswell-i7': [594, 605, 1324, 599, 603, 1571],
  'skylake-i7': [385, 380, 768, 390, 417, 1054],
  'a57-tx1': [408, 416, 936, 419, 430, 1023],
  'u54-hifive': [803, 826, 1526, 711, 731, 4256],
};
// Profiles with no published seL4 figure reuse a measured one (their `sources` say which).
const REUSED: Record<string, string> = {
  'a53-pi3': 'a57-tx1',
  'xeon-2s': 'skylake-i7',
  'epyc-2s': 'skylake-i7',
  'altra-80': 'a57-tx1',
};

const IPC = `
import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'calibration ipc',
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', function* (sys: Sys) {
      yield* sys.recv('ep');
      for (let i = 0; i < 3; i++) yield* sys.replyRecv('ep', {});
    }, { priority: 200, passive: k.machine.mcs, caps: { ep: ep.cap() } });
    k.process('client', function* (sys: Sys) {
      for (let i = 0; i < 3; i++) yield* sys.call('ep', {});
    }, { priority: 100, caps: { ep: ep.cap() } });
  },
});`;

const NOTIFY = `
import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'calibration notify',
  setup(k) {
    const n = k.notification('n');
    k.process('waiter', function* (sys: Sys) {
      for (let i = 0; i < 3; i++) yield* sys.wait('n');
    }, { priority: 255, caps: { n: n.cap() } });
    k.process('signaller', function* (sys: Sys) {
      for (let i = 0; i < 3; i++) yield* sys.signal('n');
    }, { priority: 1, caps: { n: n.cap() } });
  },
});`;

function exits(source: string, platform: string, mcs: boolean): SimEvent[] {
  const loaded = loadScenarioSource(source, 'calibration.ts');
  const config = resolveConfig(loaded.scenario, { platform, cores: 1, mcs });
  const sim = new Simulation(loaded.scenario, config, { keepLog: true });
  sim.run({ maxCycles: 10_000_000 });
  return sim.log.filter((e) => e.type === 'syscallExited');
}

function costOf(log: SimEvent[], syscall: string, path?: 'fast'): number {
  const e = log.find(
    (x) =>
      x.type === 'syscallExited' &&
      x.syscall === syscall &&
      (path === undefined || x.path === path),
  );
  if (e === undefined || e.type !== 'syscallExited') throw new Error(`no ${syscall} in the log`);
  return e.cycles;
}

function within5(actual: number, published: number): void {
  expect(Math.abs(actual - published) / published).toBeLessThanOrEqual(0.05);
}

const platforms = [...Object.keys(SNAPSHOT_A), ...Object.keys(REUSED)];

describe('calibration to sel4bench snapshot A, same core, hot cache, 0-length (§2.1, §2.2)', () => {
  for (const platform of platforms) {
    const row = SNAPSHOT_A[platform] ?? SNAPSHOT_A[REUSED[platform]!]!;
    for (const mcs of [false, true]) {
      const [call, reply, notify] = mcs ? row.slice(3) : row.slice(0, 3);
      const kernel = mcs ? 'MCS' : 'classic';
      it(`${platform} ${kernel}: fastpath Call ${call}, ReplyRecv ${reply}, Notify ${notify} cycles within 5%`, () => {
        const ipc = exits(IPC, platform, mcs);
        within5(costOf(ipc, 'Call', 'fast'), call!);
        within5(costOf(ipc, 'ReplyRecv', 'fast'), reply!);
        within5(costOf(exits(NOTIFY, platform, mcs), 'Signal'), notify!);
      });
    }
  }
});
