// Optional timing noise (off by default): real machines do not repeat a cross-core transfer or an
// interrupt's arrival to the cycle. With `noise` in the platform profile, each cross-core line
// transfer takes up to `lineJitter` extra cycles and each IPI or release interrupt arrives up to
// `irqJitter` cycles later, drawn from the run's seeded generator, so a sweep over seeds shows a
// distribution while one seed repeats exactly. Same-core costs are never perturbed, so the
// calibration (sel4bench, sel4-reference.md §2.1) holds with noise on or off.
import type { Rng } from '../engine/rng';
import type { PlatformProfile } from './platform';

/** Up to `max` extra cycles from the seeded generator; draws nothing when `max` is 0. */
export function jitter(rng: Rng, max: number): number {
  return max > 0 ? rng.int(Math.floor(max) + 1) : 0;
}

export function lineJitter(p: PlatformProfile, rng: Rng): number {
  return p.noise === undefined ? 0 : jitter(rng, p.noise.lineJitter);
}

export function irqJitter(p: PlatformProfile, rng: Rng): number {
  return p.noise === undefined ? 0 : jitter(rng, p.noise.irqJitter);
}

/** The noise settings as given, or a message naming what is wrong. */
export function checkNoise(n: unknown): string | null {
  if (n === undefined) return null;
  if (typeof n !== 'object' || n === null) return 'profile.noise must be { lineJitter, irqJitter }';
  for (const key of ['lineJitter', 'irqJitter'] as const) {
    const v = (n as Record<string, unknown>)[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
      return `profile.noise.${key} must be a number of cycles >= 0, got ${JSON.stringify(v)}`;
  }
  return null;
}
