// The sweep panel's form: platforms, core counts, kernel images, MCS, one scenario parameter
// with its values, seeds and the cycle limit; Run sweep / Cancel and the progress beside them.
import type { PlatformInfo } from '../../../protocol/messages';
import type { SweepForm } from './sweepForm';

const KERNELS = ['smp', 'multikernel', 'clustered:2', 'clustered:4'];

function PlatformPicker({
  platforms,
  chosen,
  onChange,
}: {
  platforms: PlatformInfo[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <details className="sweep-multi" data-testid="sweep-platforms">
      <summary title="Platforms to sweep">
        platforms <b className="mono">{chosen.length === 0 ? 'none' : chosen.join(', ')}</b>
      </summary>
      <div className="sweep-multi-list">
        {platforms.map((p) => (
          <label key={p.id} className="field" title={p.name}>
            <input
              type="checkbox"
              data-testid={`sweep-platform-${p.id}`}
              checked={chosen.includes(p.id)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? platforms.map((q) => q.id).filter((id) => id === p.id || chosen.includes(id))
                    : chosen.filter((id) => id !== p.id),
                )
              }
            />
            <span className="mono">{p.id}</span> <span className="muted">{p.cores} cores</span>
          </label>
        ))}
      </div>
    </details>
  );
}

export function SweepFormView({
  form,
  platforms,
  params,
  onChange,
}: {
  form: SweepForm;
  platforms: PlatformInfo[];
  params: string[];
  onChange: (f: SweepForm) => void;
}) {
  const set = <K extends keyof SweepForm>(k: K, v: SweepForm[K]) => onChange({ ...form, [k]: v });
  const kernels = [...KERNELS, ...form.kernels.filter((k) => !KERNELS.includes(k))];
  return (
    <div className="sweep-form" data-testid="sweep-form">
      <PlatformPicker
        platforms={platforms}
        chosen={form.platforms}
        onChange={(ids) => set('platforms', ids)}
      />
      <label className="field">
        cores
        <input
          type="text"
          className="sweep-list"
          aria-label="Core counts to sweep"
          data-testid="sweep-cores"
          value={form.cores}
          placeholder="1,2,4"
          onChange={(e) => set('cores', e.target.value)}
        />
      </label>
      <span className="sweep-kernels" role="group" aria-label="Kernel images to sweep">
        {kernels.map((k) => (
          <label key={k} className="field">
            <input
              type="checkbox"
              data-testid={`sweep-kernel-${k}`}
              checked={form.kernels.includes(k)}
              onChange={(e) =>
                set(
                  'kernels',
                  e.target.checked
                    ? kernels.filter((x) => x === k || form.kernels.includes(x))
                    : form.kernels.filter((x) => x !== k),
                )
              }
            />
            {k}
          </label>
        ))}
      </span>
      <label
        className="field"
        title="The MCS kernel for every point (--mcs); unchecked, each point runs the kernel the scenario asks for, as ipcscope sweep does without --mcs"
      >
        <input
          type="checkbox"
          data-testid="sweep-mcs"
          checked={form.mcs}
          onChange={(e) => set('mcs', e.target.checked)}
        />
        MCS
      </label>
      {params.length > 0 && (
        <label className="field">
          param
          <select
            aria-label="Parameter to sweep"
            data-testid="sweep-param"
            value={form.param}
            onChange={(e) => set('param', e.target.value)}
          >
            <option value="">none</option>
            {params.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {form.param !== '' && (
            <input
              type="text"
              className="sweep-list"
              aria-label={`Values of ${form.param}`}
              data-testid="sweep-values"
              value={form.values}
              placeholder="500,4000"
              onChange={(e) => set('values', e.target.value)}
            />
          )}
        </label>
      )}
      <label className="field">
        seeds
        <input
          type="text"
          className="sweep-list short"
          aria-label="Seeds to sweep"
          data-testid="sweep-seeds"
          value={form.seeds}
          onChange={(e) => set('seeds', e.target.value)}
        />
      </label>
      <label className="field" title="Each point stops here at the latest (--max-cycles)">
        max cycles
        <input
          type="text"
          className="sweep-list"
          aria-label="Max cycles per point"
          data-testid="sweep-max-cycles"
          value={form.maxCycles}
          onChange={(e) => set('maxCycles', e.target.value)}
        />
      </label>
    </div>
  );
}
