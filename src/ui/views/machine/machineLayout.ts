// Where each core card goes: sockets stacked or side by side, clusters (cores sharing a cache)
// flowing inside them, cores wrapping inside clusters. Zoom to fit: of the card sizes and
// arrangements tried, the one that shows the largest cards once scaled down to fit the panel
// wins, so 32 or 64 cores show whole, both sockets in view. Pure, so it can be tested.
import type { MachineDescription } from '../../../projection/types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GroupBox extends Box {
  label: string;
  /** The socket, or the cluster, it draws. */
  id: number;
}

export interface MachineLayout {
  cores: Box[];
  sockets: GroupBox[];
  clusters: GroupBox[];
  width: number;
  height: number;
  compact: boolean;
  /** Scale to draw at so the whole machine fits the panel (1 = no zoom). */
  scale: number;
  /** Per core: index into clusters (or sockets when there is one cluster per socket). */
  group: number[];
  /** Whether group[] indexes clusters (true) or sockets. */
  byCluster: boolean;
}

const PAD = 8;
const HEAD = 18;
/** Never zoom out further than this: below it a card is a coloured dot anyway. */
const MIN_SCALE = 0.3;

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

/**
 * The largest layout that fits in width x height. With `fit`, a layout too big for the panel is
 * drawn scaled down (never below MIN_SCALE): sockets side by side or stacked, whichever shows
 * bigger cards. Without, the smallest cards are used and the panel scrolls.
 */
export function layoutMachine(
  desc: MachineDescription,
  width: number,
  height = Infinity,
  fit = true,
): MachineLayout {
  const options = candidates(desc.cores.length);
  let out: MachineLayout | null = null;
  for (const [cw, ch, gap] of options) {
    out = layoutWith(desc, width, cw, ch, gap, false);
    if (out.height <= height) return out;
  }
  if (!fit || !Number.isFinite(height)) return out!;
  let best = out!;
  let bestSize = 0;
  for (const [cw, ch, gap] of options) {
    for (const side of [false, true]) {
      for (const stretch of [1, 1.25, 1.5, 2, 2.5, 3, 4]) {
        const l = layoutWith(desc, width * stretch, cw, ch, gap, side);
        const scale = Math.max(MIN_SCALE, Math.min(1, width / l.width, height / l.height));
        // The size a card is seen at, less a penalty for what still does not fit.
        const over = Math.max(0, l.height * scale - height) / Math.max(1, height);
        const size = cw * scale * (1 - over);
        if (size > bestSize + 0.01) {
          bestSize = size;
          best = { ...l, scale };
        }
      }
    }
  }
  return best;
}

function layoutWith(
  desc: MachineDescription,
  width: number,
  cw: number,
  ch: number,
  gap: number,
  side: boolean,
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
  const out: MachineLayout = {
    cores: [],
    sockets: [],
    clusters: [],
    width,
    height: 0,
    compact,
    scale: 1,
    group: [],
    byCluster: multiCluster,
  };
  const n = Math.max(1, sockets.size);
  // Side by side, each socket gets an equal share of the width.
  const socketW = side ? Math.max(cw + 4 * PAD, (width - PAD * (n + 1)) / n) : width - 2 * PAD;
  const inner = Math.max(cw + 2 * PAD, socketW);
  let sx0 = PAD;
  let y = PAD;
  let bottom = 0;
  for (const [socket, clusters] of sockets) {
    const sy = side ? PAD : y;
    let cy = sy + HEAD;
    let x = sx0 + PAD;
    let rowH = 0;
    for (const [cluster, ids] of clusters) {
      const boxPad = multiCluster ? PAD : 0;
      const head = multiCluster ? HEAD : 0;
      const maxCols = Math.max(1, Math.floor((inner - 2 * PAD - 2 * boxPad + gap) / (cw + gap)));
      const cols = Math.min(ids.length, maxCols);
      const rows = Math.ceil(ids.length / cols);
      const bw = cols * (cw + gap) - gap + 2 * boxPad;
      const bh = rows * (ch + gap) - gap + 2 * boxPad + head;
      if (x + bw > sx0 + inner - PAD && x > sx0 + PAD) {
        x = sx0 + PAD;
        cy += rowH + gap;
        rowH = 0;
      }
      if (multiCluster) {
        out.clusters.push({
          x,
          y: cy,
          w: bw,
          h: bh,
          id: cluster,
          label: `cluster ${cluster} · shared cache`,
        });
      }
      const g = multiCluster ? out.clusters.length - 1 : out.sockets.length;
      ids.forEach((id, i) => {
        out.group[id] = g;
        out.cores[id] = {
          x: x + boxPad + (i % cols) * (cw + gap),
          y: cy + head + boxPad + Math.floor(i / cols) * (ch + gap),
          w: cw,
          h: ch,
        };
      });
      x += bw + gap;
      rowH = Math.max(rowH, bh);
    }
    cy += rowH + PAD;
    out.sockets.push({
      x: sx0,
      y: sy,
      w: inner,
      h: cy - sy,
      id: socket,
      label: `socket ${socket}`,
    });
    bottom = Math.max(bottom, cy);
    if (side) sx0 += inner + PAD;
    else y = cy + gap;
  }
  if (side) {
    // Equal heights side by side: the sockets read as peers.
    for (const s of out.sockets) s.h = bottom - PAD;
    out.width = sx0;
  }
  out.height = (side ? bottom : y) + (side ? PAD : 0);
  return out;
}

/** Centre of a box. */
export function centre(b: Box): [number, number] {
  return [b.x + b.w / 2, b.y + b.h / 2];
}

/** Where the line from a box's centre towards (tx, ty) leaves the box, `by` px further out. */
export function edgeToward(b: Box, tx: number, ty: number, by = 2): [number, number] {
  const [cx, cy] = centre(b);
  const dx = tx - cx;
  const dy = ty - cy;
  const len = Math.hypot(dx, dy) || 1;
  const t = Math.min(
    Math.abs(dx) < 1e-9 ? Infinity : b.w / 2 / Math.abs(dx),
    Math.abs(dy) < 1e-9 ? Infinity : b.h / 2 / Math.abs(dy),
  );
  const k = Number.isFinite(t) ? t : 0;
  return [cx + dx * k + (dx / len) * by, cy + dy * k + (dy / len) * by];
}
