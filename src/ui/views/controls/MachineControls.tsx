// The machine a scenario runs on: platform, cores, kernel images, MCS and seed. Any change
// re-runs the scenario from the start on the new machine.
import { useState } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';

function kernelOptions(cores: number, clusterSize: number, current: string): string[] {
  const opts = ['smp', 'multikernel'];
  for (const n of new Set([2, 4, 8, clusterSize])) {
    if (n > 1 && n < cores) opts.push(`clustered:${n}`);
  }
  if (!opts.includes(current)) opts.push(current);
  return opts;
}

export function MachineControls() {
  const config = useAppStore((s) => s.config);
  const platforms = useAppStore((s) => s.platforms);
  const setMachine = useAppStore((s) => s.setMachine);
  const [seedDraft, setSeedDraft] = useState<string | null>(null);
  if (config === null) return null;
  const platform = platforms.find((p) => p.id === config.platform);
  const maxCores = Math.max(platform?.cores ?? config.cores, config.cores);
  const commitSeed = () => {
    if (seedDraft === null) return;
    const n = Number(seedDraft);
    setSeedDraft(null);
    if (Number.isInteger(n) && n !== config.seed) setMachine({ seed: n });
  };
  return (
    <div className="toolbar-group" data-testid="machine-controls">
      <select
        aria-label="Platform"
        data-testid="platform"
        value={config.platform}
        title={platform?.name}
        onChange={(e) => {
          const p = platforms.find((x) => x.id === e.target.value);
          setMachine({
            platform: e.target.value,
            cores: Math.min(config.cores, p?.cores ?? config.cores),
          });
        }}
      >
        {platforms.map((p) => (
          <option key={p.id} value={p.id} title={p.name}>
            {p.id} · {p.isa}
          </option>
        ))}
      </select>
      <label className="field">
        cores
        <select
          aria-label="Cores"
          data-testid="cores"
          value={config.cores}
          onChange={(e) => setMachine({ cores: Number(e.target.value) })}
        >
          {Array.from({ length: maxCores }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        kernel
        <select
          aria-label="Kernel images"
          data-testid="kernel"
          value={config.kernel}
          onChange={(e) => setMachine({ kernel: e.target.value })}
        >
          {kernelOptions(config.cores, platform?.clusterSize ?? 1, config.kernel).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label
        className="field"
        title="Mixed-criticality kernel: scheduling contexts, reply objects, passive servers"
      >
        <input
          type="checkbox"
          data-testid="mcs"
          checked={config.mcs}
          onChange={(e) => setMachine({ mcs: e.target.checked })}
        />
        MCS
      </label>
      <label className="field">
        seed
        <input
          type="number"
          aria-label="Seed"
          data-testid="seed"
          value={seedDraft ?? String(config.seed)}
          onChange={(e) => setSeedDraft(e.target.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => e.key === 'Enter' && commitSeed()}
        />
      </label>
    </div>
  );
}
