// The timeline's span rectangles written as pixels into one image, put on the canvas with one
// drawImage. Zoomed out on a busy machine every pixel column of a row holds a different mix of
// modes, so a frame is hundreds of thousands of rectangles: as fillRect calls they took most of a
// frame (software raster), as pixel writes they cost about what the area they cover does
// (perf-limits.md §3).

/** A mode's fill: one colour, or a 6×6 tile (the spinning hatch) repeating from the canvas origin. */
export interface ModeFill {
  colour: number;
  tile: Uint32Array | null;
}

export const TILE = 6;

export class SpanRaster {
  private image: ImageData | null = null;
  private pixels = new Uint32Array(0);
  private canvas: HTMLCanvasElement | null = null;
  private w = 0;
  private h = 0;
  /** Where the image goes on the canvas (its top-left corner, in CSS pixels). */
  private x0 = 0;
  private y0 = 0;

  private key: readonly unknown[] = [];

  /** True if the pixels were drawn from these same inputs; else remembers them for this frame. */
  holds(key: readonly unknown[]): boolean {
    const same =
      this.image !== null &&
      key.length === this.key.length &&
      key.every((v, i) => v === this.key[i]);
    this.key = key;
    return same;
  }

  /** Start a frame of w×h pixels whose top-left corner is at (x0, y0) on the canvas. */
  begin(w: number, h: number, x0: number, y0: number): void {
    w = Math.max(1, Math.ceil(w));
    h = Math.max(1, Math.ceil(h));
    if (this.image === null || this.w !== w || this.h !== h) {
      this.image = new ImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.w = w;
      this.h = h;
    } else {
      this.pixels.fill(0);
    }
    this.x0 = x0;
    this.y0 = y0;
  }

  /** Fill a rectangle given in canvas coordinates (whole pixels), clipped to the image. */
  fill(f: ModeFill, x: number, y: number, w: number, h: number): void {
    const W = this.w;
    const ix0 = Math.max(0, Math.round(x - this.x0));
    const ix1 = Math.min(W, Math.round(x + w - this.x0));
    const iy0 = Math.max(0, Math.round(y - this.y0));
    const iy1 = Math.min(this.h, Math.round(y + h - this.y0));
    if (ix0 >= ix1 || iy0 >= iy1) return;
    const px = this.pixels;
    const tile = f.tile;
    if (tile === null) {
      for (let iy = iy0; iy < iy1; iy++) px.fill(f.colour, iy * W + ix0, iy * W + ix1);
      return;
    }
    for (let iy = iy0; iy < iy1; iy++) {
      const ty = ((iy + this.y0) % TILE) * TILE;
      const row = iy * W;
      let tx = (ix0 + this.x0) % TILE;
      for (let ix = ix0; ix < ix1; ix++) {
        px[row + ix] = tile[ty + tx]!;
        if (++tx === TILE) tx = 0;
      }
    }
  }

  /** Draw the frame's pixels on the canvas (under its transform and clip). */
  put(ctx: CanvasRenderingContext2D): void {
    if (this.image === null) return;
    if (this.canvas === null || this.canvas.width !== this.w || this.canvas.height !== this.h) {
      this.canvas = ctx.canvas.ownerDocument.createElement('canvas');
      this.canvas.width = this.w;
      this.canvas.height = this.h;
    }
    const g = this.canvas.getContext('2d');
    if (g === null) return;
    g.putImageData(this.image, 0, 0);
    const smooth = ctx.imageSmoothingEnabled;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.canvas, this.x0, this.y0);
    ctx.imageSmoothingEnabled = smooth;
  }
}

/**
 * The pixel values the browser itself paints for each mode: each colour filled on a scratch
 * canvas and read back, and for the hatched mode the colour with the hatch pattern over it, so
 * the raster matches what fillRect drew to the bit.
 */
export function modeFills(
  doc: Document,
  colours: string[],
  hatch: { mode: number; tile: CanvasImageSource } | null,
): ModeFill[] {
  const c = doc.createElement('canvas');
  c.width = TILE;
  c.height = TILE;
  const g = c.getContext('2d', { willReadFrequently: true });
  if (g === null) return colours.map(() => ({ colour: 0, tile: null }));
  return colours.map((colour, m) => {
    g.clearRect(0, 0, TILE, TILE);
    g.fillStyle = colour;
    g.fillRect(0, 0, TILE, TILE);
    if (hatch === null || hatch.mode !== m) {
      return { colour: new Uint32Array(g.getImageData(0, 0, 1, 1).data.buffer)[0]!, tile: null };
    }
    const pattern = g.createPattern(hatch.tile, 'repeat');
    if (pattern !== null) {
      g.fillStyle = pattern;
      g.fillRect(0, 0, TILE, TILE);
    }
    const tile = new Uint32Array(g.getImageData(0, 0, TILE, TILE).data.buffer.slice(0));
    return { colour: tile[0]!, tile };
  });
}
