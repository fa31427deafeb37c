// One side of a run diff: platform, cores, kernel images, MCS, seed, the scenario's parameters
// and which version of the script.
import type { PlatformInfo } from '../../../protocol/messages';
import type { DiffSide } from './diffSides';

export function SideEditor({
  name,
  side,
  onChange,
  platforms,
  edited,
}: {
  name: 'A' | 'B';
  side: DiffSide;
  onChange: (s: DiffSide) => void;
  platforms: PlatformInfo[];
  /** The editor holds another version of the script than the loaded one. */
  edited: boolean;
}) {
  const c = side.config;
  const set = (p: Partial<DiffSide['config']>) => onChange({ ...side, config: { ...c, ...p } });
  const max = platforms.find((p) => p.id === c.platform)?.cores ?? c.cores;
  const kernels = [
    'smp',
    'multikernel',
    ...[2, 4, 8].filter((n) => n < c.cores).map((n) => `clustered:${n}`),
  ];
  if (!kernels.includes(c.kernel)) kernels.push(c.kernel);
  const id = name.toLowerCase();
  return (
    <fieldset className="diff-side" data-testid={`diff-side-${id}`}>
      <legend>{name}</legend>
      <select
        aria-label={`${name} platform`}
        data-testid={`diff-${id}-platform`}
        value={c.platform}
        onChange={(e) => {
          const cores = platforms.find((p) => p.id === e.target.value)?.cores ?? c.cores;
          set({ platform: e.target.value, cores: Math.min(c.cores, cores) });
        }}
      >
        {platforms.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}
          </option>
        ))}
      </select>
      <label className="field">
        cores
        <select
          aria-label={`${name} cores`}
          data-testid={`diff-${id}-cores`}
          value={c.cores}
          onChange={(e) => set({ cores: Number(e.target.value) })}
        >
          {Array.from({ length: Math.max(max, c.cores) }, (_, i) => i + 1).map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <select
        aria-label={`${name} kernel images`}
        data-testid={`diff-${id}-kernel`}
        value={c.kernel}
        onChange={(e) => set({ kernel: e.target.value })}
      >
        {kernels.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <label className="field">
        <input
          type="checkbox"
          aria-label={`${name} MCS`}
          checked={c.mcs}
          onChange={(e) => set({ mcs: e.target.checked })}
        />
        MCS
      </label>
      <label className="field">
        seed
        <input
          className="num"
          size={4}
          aria-label={`${name} seed`}
          value={c.seed}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n)) set({ seed: n });
          }}
        />
      </label>
      {Object.entries(c.params).map(([k, v]) => (
        <label className="field" key={k}>
          {k}
          <input
            className="num"
            size={6}
            aria-label={`${name} parameter ${k}`}
            data-testid={`diff-${id}-param-${k}`}
            value={v}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (e.target.value.trim() !== '' && Number.isFinite(n))
                set({ params: { ...c.params, [k]: n } });
            }}
          />
        </label>
      ))}
      <select
        aria-label={`${name} script`}
        data-testid={`diff-${id}-script`}
        value={side.script}
        onChange={(e) => onChange({ ...side, script: e.target.value as DiffSide['script'] })}
      >
        <option value="loaded">the loaded script</option>
        <option value="editor" disabled={!edited}>
          the editor's text{edited ? '' : ' (the same)'}
        </option>
      </select>
    </fieldset>
  );
}
