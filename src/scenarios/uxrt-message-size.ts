import { ramfs, scenario, type Sys } from 'ipcscope';

// Short messages in registers, long ones in a shared buffer (sel4-reference.md §4.1, §1.4,
// §1.7): a client writes `size` bytes to a ramfs file and reads them back, `rounds` times, with
// the API chosen by `api` (0 read/write, which pick by size; 1 readreg/writereg, message
// registers only, spilling into the IPC buffer; 2 readbuf/writebuf, the shared buffer), on the
// server's core or, with remote=1, on another core, where the buffer's cache lines migrate. What
// to watch: the cycles per operation in the console, and where the fastpath ends. Sweep it:
//   npx ipcscope sweep src/scenarios/uxrt-message-size.ts --param size=8,16,64,256,1024
// (A simulated 64-bit register carries 6 bytes, not 8: the simulator's words are JavaScript
// numbers, exact to 53 bits. So the register limit is 18 bytes here where hardware would give 24.)
export default scenario({
  name: 'UX/RT: short vs long messages',
  description:
    'A client writes size bytes to a file on ramfs and reads them back, rounds times. An x86-64 ' +
    'core has 4 physical message registers; the transport keeps MR0 for the offset, so a write of ' +
    'up to 18 bytes (6 per register) and a read reply of up to 24 stay in registers and on the ' +
    'fastpath: one Call and one ReplyRecv. Longer data goes through the open file’s shared buffer ' +
    'with only the header in registers: still fastpath, plus a copy per byte. With api=1 ' +
    '(readreg/writereg) long data spills into the IPC buffer instead and the fastpath is lost. ' +
    'With remote=1 the client runs on another core: every operation is slow for affinity, and ' +
    'the shared buffer’s cache lines migrate, so long messages cost more per byte. The console ' +
    'prints cycles and kernel entries per operation; sweep size to find the crossover.',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: false },
  seed: 1,
  params: { size: 16, api: 0, rounds: 4, remote: 0 },
  setup(k) {
    k.process('ramfs', ramfs({ '/blob': '' }), { priority: 200, serves: 'ramfs' });
    const p = k.params;
    const core = p.remote === 1 && k.machine.cores > 1 ? 1 : 0;
    k.process('client', client(p.size ?? 16, p.api ?? 0, p.rounds ?? 4), { priority: 100, core });
  },
});

function client(size: number, api: number, rounds: number) {
  return function* (sys: Sys) {
    const names = ['read/write', 'readreg/writereg', 'readbuf/writebuf'];
    const data = 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(size / 26)).slice(0, size);
    const fd = yield* sys.open('/srv/ramfs/blob', 'rw');
    let cycles = 0;
    let entries = 0;
    let slow = 0;
    let last = '';
    for (let i = 0; i < rounds; i++) {
      yield* sys.seek(fd, 0);
      const n =
        api === 1
          ? yield* sys.writereg(fd, data)
          : api === 2
            ? yield* sys.writebuf(fd, data)
            : yield* sys.write(fd, data);
      const w = sys.lastFileOp()!;
      yield* sys.seek(fd, 0);
      const r =
        api === 1
          ? yield* sys.readreg(fd, size)
          : api === 2
            ? yield* sys.readbuf(fd, size)
            : yield* sys.read(fd, size);
      const rd = sys.lastFileOp()!;
      if (n !== size || r.data !== data) return sys.log(`round ${i}: ${sys.errstr()}`);
      cycles += w.cycles + rd.cycles;
      entries += w.kernelEntries + rd.kernelEntries;
      slow += (w.reason ? 1 : 0) + (rd.reason ? 1 : 0);
      last = `write via ${w.transport}, read via ${rd.transport}`;
    }
    sys.log(
      `${names[api]} of ${size} bytes: ${last}; ${Math.round(cycles / (2 * rounds))} cycles and ` +
        `${entries / (2 * rounds)} kernel entries per operation; ${slow} of ${2 * rounds} left the fastpath`,
    );
  };
}
