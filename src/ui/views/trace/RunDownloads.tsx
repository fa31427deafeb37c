// Download the run as the CLI writes it: a Chrome/Perfetto trace (--trace) or JSON lines
// (--events). The worker runs the loaded scenario again from the start with the CLI's writers, so
// the file is the whole run, byte for byte the CLI's for the same scenario, machine and seed.
import { useState } from 'react';
import type { RunFileFormat } from '../../../protocol/messages';
import { useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';

const FILES: Record<RunFileFormat, { label: string; ext: string; type: string }> = {
  trace: { label: 'Perfetto trace', ext: '.trace.json', type: 'application/json' },
  events: { label: 'JSON lines', ext: '.events.jsonl', type: 'application/x-ndjson' },
};

function save(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function RunDownloads() {
  const store = useAppStoreApi();
  const ready = useAppStore((s) => s.loadState === 'ready');
  const name = useAppStore((s) => s.scenarioId ?? s.file.replace(/\.[mc]?[jt]s$/, ''));
  const [problem, setProblem] = useState<string | null>(null);
  const download = (format: RunFileFormat) => {
    setProblem(null);
    store.exportRun(format).then(
      (text) => save(text, `${name || 'run'}${FILES[format].ext}`, FILES[format].type),
      (e: unknown) => setProblem(`could not export: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <span className="run-downloads">
      <span className="muted">download the run:</span>
      {(['trace', 'events'] as const).map((f) => (
        <button
          key={f}
          type="button"
          disabled={!ready}
          data-testid={`download-${f}`}
          onClick={() => download(f)}
          title={
            f === 'trace'
              ? 'The whole run as a Chrome trace (as ipcscope run --trace writes it). Open it at ui.perfetto.dev: Open trace file, or drag it onto the page.'
              : 'Every event of the whole run, one JSON object per line (as ipcscope run --events writes it)'
          }
        >
          {FILES[f].label}
        </button>
      ))}
      <span className="muted">open traces at ui.perfetto.dev (Open trace file)</span>
      {problem !== null && <span className="pg-error">{problem}</span>}
    </span>
  );
}
