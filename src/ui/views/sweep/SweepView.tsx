// The Sweep tab: run the scenario in the editor over a grid of machines and parameter values, in
// a pool of Web Workers (src/worker/sweep), and draw the result as a line chart and a table.
// The rows are the ones `ipcscope sweep` prints for the same grid (the command is shown). Each
// point opens its run in the main views: that configuration is loaded into the session and run.
import { useEffect, useMemo, useState } from 'react';
import type { ConfigOverrides } from '../../../sim/config';
import { useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';
import { cliCommand, defaultForm, requestFromForm, type SweepForm } from './sweepForm';
import { SweepFormView } from './SweepFormView';
import { SweepChart } from './SweepChart';
import {
  axisLabel,
  chartSeries,
  defaultXAxis,
  METRICS,
  wallTime,
  xAxes,
  type MetricId,
} from './sweepSeries';
import { SweepTable } from './SweepTable';
import { useBoxSize } from './useBoxSize';
import { sweepStore, useSweep } from './useSweepStore';
import './sweep.css';

function Progress() {
  const status = useSweep((s) => s.status);
  const done = useSweep((s) => s.done);
  const total = useSweep((s) => s.total);
  const workers = useSweep((s) => s.workers);
  const elapsed = useSweep((s) => s.elapsedMs);
  const message = useSweep((s) => s.message);
  if (status === 'idle') return null;
  const left = done > 0 && status === 'running' ? (elapsed / done) * (total - done) : null;
  return (
    <span className="sweep-status" data-testid="sweep-status" data-status={status} role="status">
      <progress max={total} value={done} aria-label="Points done" />{' '}
      <span className="num">
        {done} of {total}
      </span>{' '}
      points · {workers} worker{workers === 1 ? '' : 's'} · {wallTime(elapsed)}
      {left !== null && <> · about {wallTime(left)} left</>}
      {status === 'cancelled' && ' · cancelled'}
      {status === 'failed' && <span className="sweep-error"> · failed: {message}</span>}
    </span>
  );
}

export function SweepView() {
  const app = useAppStoreApi();
  const config = useAppStore((s) => s.config);
  const platforms = useAppStore((s) => s.platforms);
  const overrides = useAppStore((s) => s.overrides);
  const draftErrors = useAppStore((s) => s.draftErrors);
  const scenarioName = useAppStore((s) => s.scenario?.name ?? '');
  const form = useSweep((s) => s.form);
  const formFor = useSweep((s) => s.formFor);
  const status = useSweep((s) => s.status);
  const request = useSweep((s) => s.request);
  const rows = useSweep((s) => s.rows);
  const opened = useSweep((s) => s.opened);
  const file = useSweep((s) => s.file);
  const [metric, setMetric] = useState<MetricId>('ipcPerSecond');
  const [xChoice, setXChoice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState<'chart' | 'table'>('chart');
  const [plot, size] = useBoxSize();

  // A new scenario gets a fresh form from its own machine and parameters.
  const key = config === null ? '' : `${scenarioName}|${Object.keys(config.params).join(',')}`;
  useEffect(() => {
    if (config !== null && key !== formFor)
      sweepStore().getState().setForm(defaultForm(config), key);
  }, [config, key, formFor]);

  const params = useMemo(() => Object.keys(config?.params ?? {}), [config]);
  const axes = request ? xAxes(request.grid) : ['cores'];
  const axis =
    xChoice !== null && axes.includes(xChoice)
      ? xChoice
      : request
        ? defaultXAxis(request.grid)
        : 'cores';
  const m = METRICS.find((x) => x.id === metric) ?? METRICS[0]!;
  const series = useMemo(
    () => (request ? chartSeries(request.grid, rows, axis, metric) : []),
    [request, rows, axis, metric],
  );

  const start = (f: SweepForm) => {
    const s = app.getState();
    if (draftErrors > 0) {
      setProblem(`the editor's script has ${draftErrors} error(s): fix them first`);
      return;
    }
    const r = requestFromForm(f, overrides.params ?? {});
    if (typeof r === 'string') {
      setProblem(r);
      return;
    }
    setProblem(null);
    setNotice(null);
    const source = s.draft.version === 0 ? s.source : s.draft.text;
    const name = s.draft.version === 0 ? s.file : s.draft.file;
    sweepStore().getState().start(r, source, name);
  };

  const open = (index: number) => {
    const sweep = sweepStore().getState();
    const row = sweep.rows[index];
    if (row === undefined) return;
    const o: ConfigOverrides = {
      platform: row.platform,
      cores: row.cores,
      kernel: row.kernel,
      mcs: row.mcs,
      seed: row.seed,
      params: { ...row.params },
    };
    const s = app.getState();
    const editorText = s.draft.version === 0 ? s.source : s.draft.text;
    // The run the sweep measured: the editor's text if it is still what was swept, else the
    // swept text itself (the editor keeps the user's newer text).
    if (editorText === sweep.source) {
      s.loadDraft(o, { run: true });
      setNotice(null);
    } else {
      s.loadSource(sweep.source, sweep.file, o, { run: true });
      setNotice(
        'The editor has changed since this sweep: the main views run the text the sweep ran, and the editor keeps yours (Run runs it).',
      );
    }
    sweep.setOpened(index);
  };

  const describe = (index: number): string => {
    const r = rows[index];
    if (r === undefined) return `point ${index + 1}`;
    const ps = Object.entries(r.params)
      .map(([k, v]) => ` ${k}=${v}`)
      .join('');
    const y = r[metric];
    return `${r.platform} ${r.kernel}${r.mcs ? ' MCS' : ''} ${r.cores} cores${ps} seed ${r.seed}: ${
      y === null ? '–' : y.toLocaleString('en-US', { maximumFractionDigits: 1 })
    } ${m.unit}. Open this run`;
  };

  if (config === null || form === null) {
    return (
      <div className="tab-view" data-testid="view-sweep">
        <div className="empty">Load a scenario to sweep it.</div>
      </div>
    );
  }
  const running = status === 'running';
  return (
    <div className="tab-view sweep-view" data-testid="view-sweep">
      <div className="sweep-side">
        <div className="sweep-actions">
          {running ? (
            <button data-testid="sweep-cancel" onClick={() => sweepStore().getState().cancel()}>
              Cancel
            </button>
          ) : (
            <button
              className="primary"
              data-testid="sweep-run"
              title="Run every point of the grid on the scenario in the editor"
              onClick={() => start(form)}
            >
              Run sweep
            </button>
          )}
          <Progress />
        </div>
        {problem !== null && (
          <div className="sweep-error" role="alert" data-testid="sweep-problem">
            {problem}
          </div>
        )}
        {notice !== null && (
          <div className="muted" role="status" data-testid="sweep-notice">
            {notice}
          </div>
        )}
        <SweepFormView
          form={form}
          platforms={platforms}
          params={params}
          onChange={(f) => sweepStore().getState().setForm(f)}
        />
        {request !== null && (
          <div className="sweep-cli muted">
            The same rows from the command line:{' '}
            <code className="mono" data-testid="sweep-cli">
              {cliCommand(file, request)}
            </code>
          </div>
        )}
      </div>
      {request === null ? (
        <div className="empty sweep-main">
          Pick the grid and press Run sweep: every point runs the scenario in the editor on all of
          this computer&apos;s cores (a pool of Web Workers) and lands on a chart and in a table. A
          point opens its run in the main views.
        </div>
      ) : (
        <div className="sweep-main">
          <div className="sweep-plot-tools">
            <label className="field">
              y
              <select
                aria-label="Metric"
                data-testid="sweep-metric"
                value={metric}
                onChange={(e) => setMetric(e.target.value as MetricId)}
              >
                {METRICS.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              x
              <select
                aria-label="X axis"
                data-testid="sweep-x"
                value={axis}
                onChange={(e) => setXChoice(e.target.value)}
              >
                {axes.map((a) => (
                  <option key={a} value={a}>
                    {axisLabel(a)}
                  </option>
                ))}
              </select>
            </label>
            <span className="spacer" />
            <span className="tabs" role="tablist" aria-label="Sweep result as">
              {(['chart', 'table'] as const).map((v) => (
                <button
                  key={v}
                  role="tab"
                  aria-selected={shown === v}
                  className={shown === v ? 'selected' : ''}
                  data-testid={`sweep-show-${v}`}
                  onClick={() => setShown(v)}
                >
                  {v === 'chart' ? 'Chart' : 'Table'}
                </button>
              ))}
            </span>
          </div>
          {shown === 'chart' ? (
            <div className="sweep-chart-box" ref={plot}>
              {size.width > 0 && size.height > 0 && (
                <SweepChart
                  series={series}
                  xLabel={axisLabel(axis)}
                  yLabel={`${m.label} (${m.unit})`}
                  width={size.width}
                  height={size.height}
                  opened={opened}
                  describe={describe}
                  onPick={open}
                />
              )}
            </div>
          ) : (
            <SweepTable grid={request.grid} rows={rows} opened={opened} onPick={open} />
          )}
        </div>
      )}
    </div>
  );
}
