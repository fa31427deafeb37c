// Where each core card goes: sockets stacked, clusters (cores sharing a cache) flowing inside
// them, cores wrapping inside clusters, all sized to the panel's width. Pure, so it can be tested.
import type { MachineDescription } from '../../../projection/types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GroupBox extends Box {
  label: string;
}

export interface MachineLayout {
  cores: Box[];
  sockets: GroupBox[];
  clusters: GroupBox[];
  width: number;
  height: number;
  compact: boolean;
}

const PAD = 8;
const HEAD = 18;

/** Card width, height and gap to try, largest first; few cores get room for arrows between. */
function candidates(n: number): [number, number, number][] {
  if (n <= 8)
    return [
      [190, 64, 44],
      [160, 64, 36],
      [140, 60, 28],
      [128, 58, 20],
      [112, 52, 12],
      [96, 44, 8],
    ];
  if (n <= 16)
    return [
      [140, 60, 16],
      [128, 58, 10],
      [112, 52, 8],
      [96, 44, 6],
      [84, 38, 4],
    ];
  return [
    [92, 40, 6],
    [80, 36, 4],
    [72, 34, 4],
  ];
}

/** The largest layout that fits in width x height (or the smallest, scrolled, if none does). */
export function layoutMachine(
  desc: MachineDescription,
  width: number,
  height = Infinity,
): MachineLayout {
  const options = candidates(desc.cores.length);
  let out: MachineLayout | null = null;
  for (const [cw, ch, gap] of options) {
    out = layoutWith(desc, width, cw, ch, gap);
    if (out.height <= height) return out;
  }
  return out!;
}

function layoutWith(
  desc: MachineDescription,
  width: number,
  cw: number,
  ch: number,
  gap: number,
): MachineLayout {
  const compact = ch < 50;
  const multiCluster =
    desc.platform.clusterSize > 1 && desc.cores.length > desc.platform.clusterSize;
  const sockets = new Map<number, Map<number, number[]>>();
  for (const c of desc.cores) {
    const s = sockets.get(c.socket) ?? new Map<number, number[]>();
    sockets.set(c.socket, s);
    const cl = s.get(c.cluster) ?? [];
    s.set(c.cluster, cl);
    cl.push(c.id);
  }
  const out: MachineLayout = { cores: [], sockets: [], clusters: [], width, height: 0, compact };
  const inner = Math.max(cw + 2 * PAD, width - 2 * PAD);
  let y = PAD;
  for (const [socket, clusters] of sockets) {
    const sy = y;
    y += HEAD;
    let x = 2 * PAD;
    let rowH = 0;
    for (const [cluster, ids] of clusters) {
      const boxPad = multiCluster ? PAD : 0;
      const head = multiCluster ? HEAD : 0;
      const maxCols = Math.max(1, Math.floor((inner - 2 * PAD - 2 * boxPad + gap) / (cw + gap)));
      const cols = Math.min(ids.length, maxCols);
      const rows = Math.ceil(ids.length / cols);
      const bw = cols * (cw + gap) - gap + 2 * boxPad;
      const bh = rows * (ch + gap) - gap + 2 * boxPad + head;
      if (x + bw > inner && x > 2 * PAD) {
        x = 2 * PAD;
        y += rowH + gap;
        rowH = 0;
      }
      if (multiCluster) {
        out.clusters.push({ x, y, w: bw, h: bh, label: `cluster ${cluster} · shared cache` });
      }
      ids.forEach((id, i) => {
        out.cores[id] = {
          x: x + boxPad + (i % cols) * (cw + gap),
          y: y + head + boxPad + Math.floor(i / cols) * (ch + gap),
          w: cw,
          h: ch,
        };
      });
      x += bw + gap;
      rowH = Math.max(rowH, bh);
    }
    y += rowH + PAD;
    out.sockets.push({ x: PAD, y: sy, w: inner, h: y - sy, label: `socket ${socket}` });
    y += gap;
  }
  out.height = y;
  return out;
}

/** Centre of a box. */
export function centre(b: Box): [number, number] {
  return [b.x + b.w / 2, b.y + b.h / 2];
}
