// Writes the app's install icons into public/ from one drawing (the favicon's: two threads and
// the call and reply between them): icon.svg, and PNGs at 192 and 512 px plus a maskable 512 px
// one (its drawing inside the middle 80%, the safe zone a launcher may crop to a circle). The PNGs
// are rasterised here (4x4 samples a pixel) and encoded with node:zlib: no image tools needed.
// Run `npx tsx scripts/makeIcons.ts` after changing the drawing; the files are committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const pub = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | { kind: 'line'; x1: number; x2: number; y: number; w: number; fill: string };

/** The drawing on a 512 px square, back to front. */
const BG = '#1e293b';
const SHAPES: Shape[] = [
  { kind: 'circle', cx: 160, cy: 256, r: 64, fill: '#38bdf8' },
  { kind: 'circle', cx: 352, cy: 256, r: 64, fill: '#f472b6' },
  { kind: 'line', x1: 224, x2: 288, y: 208, w: 32, fill: '#e2e8f0' },
  { kind: 'line', x1: 224, x2: 288, y: 304, w: 32, fill: '#e2e8f0' },
];

function svg() {
  const body = SHAPES.map((s) =>
    s.kind === 'circle'
      ? `  <circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}" />`
      : `  <path d="M${s.x1} ${s.y}H${s.x2}" stroke="${s.fill}" stroke-width="${s.w}" stroke-linecap="round" />`,
  );
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">',
    `  <rect width="512" height="512" rx="96" fill="${BG}" />`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function inside(s: Shape, x: number, y: number): boolean {
  if (s.kind === 'circle') return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
  const px = Math.min(s.x2, Math.max(s.x1, x));
  return (x - px) ** 2 + (y - s.y) ** 2 <= (s.w / 2) ** 2;
}

function inRoundRect(x: number, y: number, r: number): boolean {
  const dx = Math.max(r - x, 0, x - (512 - r));
  const dy = Math.max(r - y, 0, y - (512 - r));
  return dx * dx + dy * dy <= r * r;
}

/** RGBA pixels of the drawing at `size` px; `maskable`: full-bleed and scaled into the safe zone. */
function raster(size: number, maskable: boolean): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const bg = rgb(BG);
  const fills = SHAPES.map((s) => rgb(s.fill));
  const N = 4;
  const scale = maskable ? 0.8 : 1;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = ((pxl + (sx + 0.5) / N) * 512) / size;
          const y = ((py + (sy + 0.5) / N) * 512) / size;
          if (!maskable && !inRoundRect(x, y, 96)) continue;
          // The drawing's coordinates, shrunk about the centre for the maskable icon.
          const dx = 256 + (x - 256) / scale;
          const dy = 256 + (y - 256) / scale;
          let c: number[] = bg;
          SHAPES.forEach((s, i) => {
            if (inside(s, dx, dy)) c = fills[i]!;
          });
          for (let k = 0; k < 3; k++) acc[k]! += c[k]!;
          acc[3]! += 255;
        }
      }
      const o = (py * size + pxl) * 4;
      const n = N * N;
      // Colour averaged over covered samples only, coverage as alpha (no dark fringe).
      const covered = acc[3]! / 255;
      for (let k = 0; k < 3; k++) px[o + k] = covered === 0 ? 0 : Math.round(acc[k]! / covered);
      px[o + 3] = Math.round(acc[3]! / n);
    }
  }
  return px;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.writeFileSync(path.join(pub, 'icon.svg'), svg());
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  fs.writeFileSync(path.join(pub, name), png(size, raster(size, maskable)));
}
console.log('icons written to public/');
