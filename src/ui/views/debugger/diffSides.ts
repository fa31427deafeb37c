// The two sides of a run diff as the diff view edits them: a machine configuration and which
// version of the script, turned into the worker's RunVariant. Pure, and tested.
import type { RunVariant } from '../../../debugger/protocol';
import type { RunConfig } from '../../../sim/config';

export type ScriptChoice = 'loaded' | 'editor';

export interface DiffSide {
  config: RunConfig;
  script: ScriptChoice;
}

export interface Scripts {
  /** The script the machine holds, and its file name. */
  loaded: string;
  file: string;
  /** The editor's text (another version when edited since the run). */
  editor: string;
}

/** What a side differs in from the other, in words ("a9-sabre", "2 cores", "think=50"). */
export function describeSide(side: DiffSide, other: DiffSide): string {
  const a = side.config;
  const b = other.config;
  const out: string[] = [];
  if (a.platform !== b.platform) out.push(a.platform);
  if (a.cores !== b.cores) out.push(`${a.cores} cores`);
  if (a.kernel !== b.kernel) out.push(a.kernel);
  if (a.mcs !== b.mcs) out.push(a.mcs ? 'MCS' : 'classic');
  if (a.seed !== b.seed) out.push(`seed ${a.seed}`);
  for (const [k, v] of Object.entries(a.params)) if (b.params[k] !== v) out.push(`${k}=${v}`);
  if (side.script !== other.script)
    out.push(side.script === 'editor' ? "editor's script" : 'loaded script');
  return out.length === 0 ? `${a.platform} · ${a.cores} cores · ${a.kernel}` : out.join(', ');
}

export function toVariant(
  name: 'A' | 'B',
  side: DiffSide,
  other: DiffSide,
  s: Scripts,
): RunVariant {
  const c = side.config;
  return {
    label: `${name}: ${describeSide(side, other)}`,
    source: side.script === 'editor' ? s.editor : s.loaded,
    file: s.file,
    overrides: {
      platform: c.platform,
      cores: c.cores,
      kernel: c.kernel,
      mcs: c.mcs,
      seed: c.seed,
      params: { ...c.params },
    },
  };
}

/** Is this variant the run the app shows (so a jump only seeks, with no reload)? */
export function isShown(v: RunVariant, source: string, config: RunConfig | null): boolean {
  if (config === null || v.source !== source) return false;
  const o = v.overrides;
  const params = o.params ?? {};
  return (
    o.platform === config.platform &&
    o.cores === config.cores &&
    o.kernel === config.kernel &&
    o.mcs === config.mcs &&
    o.seed === config.seed &&
    Object.keys(config.params).every((k) => params[k] === config.params[k])
  );
}

/** A side that is the shown run. */
export function shownSide(config: RunConfig): DiffSide {
  return { config: { ...config, params: { ...config.params } }, script: 'loaded' };
}
