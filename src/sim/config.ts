// Resolving a run's configuration: scenario machine spec + command-line/app overrides.
import { applyOverride, type PlatformOverride, type PlatformProfile } from './machine/platform';
import { checkNoise } from './machine/noise';
import { findPlatform, PLATFORMS } from './machine/platforms';

export type KernelImages = 'smp' | 'multikernel' | `clustered:${number}`;

export interface RunConfig {
  platform: string;
  cores: number;
  kernel: string;
  mcs: boolean;
  seed: number;
  params: Record<string, number>;
}

export interface ConfigOverrides {
  platform?: string;
  cores?: number;
  kernel?: string;
  mcs?: boolean;
  seed?: number;
  params?: Record<string, number>;
}

export class ConfigError extends Error {}

export function parseKernelImages(kernel: string, cores: number): number[] {
  if (kernel === 'smp') return Array.from({ length: cores }, () => 0);
  if (kernel === 'multikernel') return Array.from({ length: cores }, (_, i) => i);
  const m = /^clustered:(\d+)$/.exec(kernel);
  if (m) {
    const n = Number(m[1]);
    if (n < 1) throw new ConfigError(`clustered:N needs N >= 1, got '${kernel}'`);
    return Array.from({ length: cores }, (_, i) => Math.floor(i / n));
  }
  throw new ConfigError(`unknown kernel '${kernel}': use smp, multikernel or clustered:N`);
}

/**
 * A built-in profile with the scenario's overrides applied, or a scenario's own profile: when
 * `machine.profile.id` names the platform, it is built from `profile.base` (default skylake-i7).
 */
export function resolvePlatform(id: string, override?: PlatformOverride): PlatformProfile {
  // A profile with an id defines that platform; when another platform is chosen it does not apply.
  if (override?.id !== undefined && override.id !== id) override = undefined;
  const own = override !== undefined && override.id === id && findPlatform(id) === undefined;
  const base = own && override ? findPlatform(override.base ?? 'skylake-i7') : findPlatform(id);
  if (!base) {
    throw new ConfigError(
      `unknown platform '${id}'; known: ${PLATFORMS.map((p) => p.id).join(', ')}`,
    );
  }
  const bad = checkNoise((override as { noise?: unknown } | undefined)?.noise);
  if (bad !== null) throw new ConfigError(bad);
  return applyOverride(base, override);
}

export function resolveConfig(
  spec: {
    machine?: {
      platform?: string;
      cores?: number;
      kernel?: string;
      mcs?: boolean;
      profile?: Record<string, unknown>;
    };
    seed?: number;
    params?: Record<string, number>;
  },
  o: ConfigOverrides,
): RunConfig {
  const platform = o.platform ?? spec.machine?.platform ?? 'skylake-i7';
  const p = resolvePlatform(platform, spec.machine?.profile);
  const cores = o.cores ?? spec.machine?.cores ?? Math.min(p.cores, 4);
  if (!Number.isInteger(cores) || cores < 1 || cores > 256) {
    throw new ConfigError(`cores must be an integer from 1 to 256, got ${cores}`);
  }
  const kernel = o.kernel ?? spec.machine?.kernel ?? 'smp';
  parseKernelImages(kernel, cores);
  const params: Record<string, number> = { ...spec.params };
  for (const [k, v] of Object.entries(o.params ?? {})) {
    if (spec.params && !(k in spec.params)) {
      throw new ConfigError(
        `unknown param '${k}'; this scenario has: ${Object.keys(spec.params).join(', ') || 'none'}`,
      );
    }
    params[k] = v;
  }
  return {
    platform,
    cores,
    kernel,
    mcs: o.mcs ?? spec.machine?.mcs ?? false,
    seed: o.seed ?? spec.seed ?? 1,
    params,
  };
}
