// Built-in platform profiles. Same-core kernel costs are calibrated to sel4bench snapshot A
// (sel4.systems performance page, website commit f9a502cd, 2025-04-28; sel4-reference.md §2.1),
// signal-without-switch to EuroSys'18 Table 2 (§2.2), lock overhead to APSys'15 (§2.4), and line
// transfer costs to the core-to-core measurements of §3.2 or Heiser's 10–20 cycles (§3.1); each
// profile's `sources` says which. Multicore behaviour is never set here: it emerges from these.
import type { PlatformProfile } from './platform';

const armLock = 124; // APSys'15: big lock adds ~124 cycles per IPC on Cortex-A9 (§2.4, [2nd])
const x86Lock = 65; // APSys'15: ~65 cycles on Haswell (§2.4, [2nd])

const a9: PlatformProfile = {
  id: 'a9-sabre',
  name: 'Cortex-A9 i.MX6 Sabre (4 cores, shared L2)',
  isa: 'aarch32',
  clockMHz: 1000,
  cores: 4,
  topology: { clusterSize: 4, socketSize: 4 },
  lineTransfer: { cluster: 20, socket: 20, remote: 20 },
  lineSize: 32,
  physicalMRs: { classic: 4, mcs: 4 },
  classic: { fastpathCall: 316, fastpathReplyRecv: 334, notify: 850, signal: 138 },
  mcs: { fastpathCall: 325, fastpathReplyRecv: 364, notify: 1153, signal: 144 },
  lockOverhead: armLock,
  nullSyscall: 121,
  irqInvoke: 590,
  ipiLatency: 600,
  copyPerWord: 1,
  copyPerByte: 0.25,
  sources:
    'costs: sel4bench snapshot A (§2.1); signal: EuroSys18 ARM (§2.2); null syscall: PR #322 (§2.3); ' +
    'line transfer: Heiser 10-20 cycles, upper end (§3.1) - no measured A9 figure; IPI latency: estimate',
};

const a57: PlatformProfile = {
  id: 'a57-tx1',
  name: 'Cortex-A57 Jetson TX1 (4 cores, shared L2)',
  isa: 'aarch64',
  clockMHz: 1900,
  cores: 4,
  topology: { clusterSize: 4, socketSize: 4 },
  lineTransfer: { cluster: 20, socket: 20, remote: 20 },
  lineSize: 64,
  physicalMRs: { classic: 4, mcs: 4 },
  classic: { fastpathCall: 408, fastpathReplyRecv: 416, notify: 936, signal: 140 },
  mcs: { fastpathCall: 419, fastpathReplyRecv: 430, notify: 1023, signal: 146 },
  lockOverhead: armLock,
  nullSyscall: 130,
  irqInvoke: 736,
  ipiLatency: 800,
  copyPerWord: 1,
  copyPerByte: 0.2,
  sources:
    'costs: sel4bench snapshot A (§2.1); signal: EuroSys18 ARM value reused (§2.2); ' +
    'line transfer: Heiser 10-20 cycles (§3.1), no measured TX1 figure; IPI latency: estimate',
};

const a53: PlatformProfile = {
  ...a57,
  id: 'a53-pi3',
  name: 'Cortex-A53 Raspberry Pi 3 class (4 cores, shared L2)',
  clockMHz: 1200,
  lineTransfer: { cluster: 45, socket: 45, remote: 45 },
  sources:
    'no published seL4 figure for A53: reuses the A57 TX1 cycle counts of snapshot A [uncertain]; ' +
    "line transfer: measured Pi 3B ~37 ns = ~45 cycles (§3.2), not Heiser's 10-20",
};

const haswell: PlatformProfile = {
  id: 'haswell-i7',
  name: 'Haswell i7-4770 desktop (4 cores)',
  isa: 'x86-64',
  clockMHz: 3400,
  cores: 4,
  topology: { clusterSize: 4, socketSize: 4 },
  lineTransfer: { cluster: 71, socket: 71, remote: 71 },
  lineSize: 64,
  physicalMRs: { classic: 4, mcs: 4 },
  classic: { fastpathCall: 594, fastpathReplyRecv: 605, notify: 1324, signal: 136 },
  mcs: { fastpathCall: 599, fastpathReplyRecv: 603, notify: 1571, signal: 136 },
  lockOverhead: x86Lock,
  nullSyscall: 160,
  irqInvoke: 1640,
  ipiLatency: 2000,
  copyPerWord: 1,
  copyPerByte: 0.1,
  sources:
    'costs: sel4bench snapshot A (§2.1); signal: EuroSys18 x64 (§2.2); ' +
    'line transfer: i5-4590 Haswell 21 ns measured (§3.2) = ~71 cycles; IPI latency: estimate',
};

const skylake: PlatformProfile = {
  ...haswell,
  id: 'skylake-i7',
  name: 'Skylake i7-6700 desktop (4 cores)',
  lineTransfer: { cluster: 68, socket: 68, remote: 68 },
  classic: { fastpathCall: 385, fastpathReplyRecv: 380, notify: 768, signal: 136 },
  mcs: { fastpathCall: 390, fastpathReplyRecv: 417, notify: 1054, signal: 136 },
  irqInvoke: 1472,
  sources:
    'costs: sel4bench snapshot A, no Meltdown mitigation (§2.1); signal: EuroSys18 x64 (§2.2); ' +
    'line transfer: i7-6700K 20 ns measured (§3.2) = ~68 cycles; IPI latency: estimate',
};

const xeon2s: PlatformProfile = {
  ...skylake,
  id: 'xeon-2s',
  name: 'Two-socket Xeon server (2 x 16 cores, Cascade Lake class)',
  clockMHz: 2900,
  cores: 32,
  topology: { clusterSize: 16, socketSize: 16 },
  lineTransfer: { cluster: 139, socket: 139, remote: 394 },
  ipiLatency: 3000,
  sources:
    'kernel costs: Skylake snapshot A reused (same core microarchitecture) [uncertain]; line transfer: ' +
    'Xeon Gold 6242 48 ns in-socket, 136 ns cross-socket (§3.2) at 2.9 GHz; IPI latency: estimate',
};

const epyc2s: PlatformProfile = {
  ...skylake,
  id: 'epyc-2s',
  name: 'Two-socket AMD EPYC (2 x 32 cores, 8-core CCX)',
  clockMHz: 3000,
  cores: 64,
  topology: { clusterSize: 8, socketSize: 32 },
  lineTransfer: { cluster: 69, socket: 300, remote: 591 },
  ipiLatency: 3000,
  sources:
    'kernel costs: Skylake snapshot A reused (no published EPYC figure) [uncertain]; line transfer: ' +
    'EPYC 7R13 Milan 23 ns in CCX, ~100 ns cross-CCX, 197 ns cross-socket (§3.2) at 3.0 GHz',
};

const altra: PlatformProfile = {
  ...a57,
  id: 'altra-80',
  name: 'Ampere Altra Q80-30 (80 cores, per-core L2, mesh)',
  clockMHz: 3000,
  cores: 80,
  topology: { clusterSize: 1, socketSize: 80 },
  lineTransfer: { cluster: 468, socket: 468, remote: 468 },
  ipiLatency: 2000,
  sources:
    'kernel costs: A57 TX1 snapshot A reused [uncertain]; no shared L2, so cluster size 1 (Heiser, §3.1); ' +
    'line transfer: measured median ~156 ns (§3.2) = ~468 cycles at 3.0 GHz',
};

const u54: PlatformProfile = {
  id: 'u54-hifive',
  name: 'SiFive U54-MC HiFive Unleashed (4 cores, shared L2)',
  isa: 'riscv64',
  clockMHz: 1500,
  cores: 4,
  topology: { clusterSize: 4, socketSize: 4 },
  lineTransfer: { cluster: 20, socket: 20, remote: 20 },
  lineSize: 64,
  physicalMRs: { classic: 4, mcs: 4 },
  classic: { fastpathCall: 803, fastpathReplyRecv: 826, notify: 1526, signal: 140 },
  mcs: { fastpathCall: 711, fastpathReplyRecv: 731, notify: 4256, signal: 146 },
  lockOverhead: 100,
  nullSyscall: 200,
  irqInvoke: 1039,
  ipiLatency: 1000,
  copyPerWord: 1,
  copyPerByte: 0.25,
  sources:
    'costs: sel4bench snapshot A (§2.1); RISC-V fast MR count from the kernel (4, §1.4 [uncertain]); ' +
    'line transfer: Heiser 10-20 cycles (§3.1), unmeasured; lock overhead and IPI latency: estimates',
};

export const PLATFORMS: readonly PlatformProfile[] = [
  a9,
  a57,
  a53,
  haswell,
  skylake,
  xeon2s,
  epyc2s,
  altra,
  u54,
];

export function findPlatform(id: string): PlatformProfile | undefined {
  return PLATFORMS.find((p) => p.id === id);
}
