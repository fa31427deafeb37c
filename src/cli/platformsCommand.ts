// `ipcscope platforms`: the built-in platform profiles with their key figures and sources.
import type { PlatformProfile } from '../sim/machine/platform';
import { PLATFORMS } from '../sim/machine/platforms';
import { parseArgs } from './args';
import { EXIT_OK, UsageError } from './errors';
import type { CliIo } from './io';
import { formatTable } from './table';
import { PLATFORMS_USAGE } from './usage';

function topology(p: PlatformProfile): string {
  const { clusterSize, socketSize } = p.topology;
  const sockets = Math.ceil(p.cores / socketSize);
  const clusters = Math.ceil(socketSize / clusterSize);
  return `${sockets} socket${sockets === 1 ? '' : 's'} x ${clusters} cluster${clusters === 1 ? '' : 's'} x ${clusterSize}`;
}

function transfer(p: PlatformProfile): string {
  const t = p.lineTransfer;
  return `${t.cluster}/${t.socket}/${t.remote}`;
}

function platformRow(p: PlatformProfile): string[] {
  const mrs =
    p.physicalMRs.classic === p.physicalMRs.mcs
      ? String(p.physicalMRs.classic)
      : `${p.physicalMRs.classic}/${p.physicalMRs.mcs}`;
  return [
    p.id,
    p.name,
    p.isa,
    `${p.clockMHz} MHz`,
    String(p.cores),
    topology(p),
    transfer(p),
    String(p.lineSize),
    mrs,
    `${p.classic.fastpathCall}/${p.classic.fastpathReplyRecv}`,
    `${p.mcs.fastpathCall}/${p.mcs.fastpathReplyRecv}`,
    `${p.classic.notify}/${p.mcs.notify}`,
  ];
}

export function platformsCommand(argv: readonly string[], io: CliIo): number {
  const a = parseArgs(argv, { help: 'boolean', json: 'boolean' });
  if (a.bools.has('help')) {
    io.out(PLATFORMS_USAGE);
    return EXIT_OK;
  }
  if (a.positionals.length > 0) {
    throw new UsageError(`'platforms' takes no arguments, got '${a.positionals.join(' ')}'`);
  }
  if (a.bools.has('json')) {
    io.out(`${JSON.stringify(PLATFORMS, null, 2)}\n`);
    return EXIT_OK;
  }
  const table = formatTable(
    [
      'id',
      'name',
      'ISA',
      'clock',
      'cores',
      'topology',
      'line transfer',
      'line B',
      'MRs',
      'Call/ReplyRecv',
      'MCS Call/ReplyRecv',
      'Notify classic/MCS',
    ],
    PLATFORMS.map(platformRow),
    [
      'left',
      'left',
      'left',
      'right',
      'right',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
    ],
  );
  const notes =
    'Costs are cycles. Line transfer: one-way cache-line transfer within a cluster / within a ' +
    'socket / across sockets.\nCall/ReplyRecv: same-core fastpath, hot cache; MRs: physical ' +
    'message registers (classic/MCS when they differ).\n';
  const sources = PLATFORMS.map((p) => `  ${p.id}: ${p.sources}\n`).join('');
  io.out(`${table}\n${notes}\nSources\n${sources}`);
  return EXIT_OK;
}
