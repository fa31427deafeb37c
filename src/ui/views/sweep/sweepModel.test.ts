import { describe, expect, it } from 'vitest';
import type { SweepRow } from '../../../lib/sweepRow';
import { cliCommand, defaultForm, requestFromForm, type SweepForm } from './sweepForm';
import { chartSeries, defaultXAxis, shortNumber, wallTime, xAxes } from './sweepSeries';

const CONFIG = {
  platform: 'skylake-i7',
  cores: 2,
  kernel: 'smp',
  mcs: false,
  seed: 1,
  params: { think: 500, calls: 3 },
};

function form(change: Partial<SweepForm> = {}): SweepForm {
  return { ...defaultForm(CONFIG), ...change };
}

function row(platform: string, cores: number, think: number, y: number | null): SweepRow {
  return {
    platform,
    cores,
    kernel: 'smp',
    mcs: false,
    seed: 1,
    params: { think, calls: 3 },
    cycles: y === null ? null : 1000,
    stopReason: y === null ? 'error' : 'idle',
    syscalls: null,
    fastpath: null,
    slowpath: null,
    messages: null,
    ipcPerSecond: y,
    cyclesPerIpc: null,
    migrations: null,
    migrationCycles: null,
    migrationCyclesPerEntry: null,
    lockContended: null,
    spinCycles: null,
    ipis: null,
    traceHash: null,
    error: y === null ? 'boom' : null,
  };
}

describe('the sweep form', () => {
  it("starts from the loaded machine and the scenario's first parameter", () => {
    expect(defaultForm(CONFIG)).toMatchObject({
      platforms: ['skylake-i7'],
      cores: '1,2,4',
      kernels: ['smp'],
      param: 'think',
      values: '500',
      seeds: '1',
    });
  });

  it('asks for the grid `ipcscope sweep` builds from the same flags, and shows that command', () => {
    const r = requestFromForm(
      form({ platforms: ['a9-sabre', 'haswell-i7'], cores: '1, 2', values: '500,4000' }),
      { calls: 5 },
    );
    if (typeof r === 'string') throw new Error(r);
    expect(r.grid).toEqual({
      platform: ['a9-sabre', 'haswell-i7'],
      kernel: ['smp'],
      params: { think: [500, 4000], calls: [5] },
      cores: [1, 2],
      seed: [1],
      mcs: false,
    });
    expect(r.points).toHaveLength(8);
    expect(cliCommand('exp.ts', r)).toBe(
      'npx ipcscope sweep exp.ts --platform a9-sabre,haswell-i7 --kernel smp --param think=500,4000 --param calls=5 --cores 1,2 --seed 1 --max-cycles 20000000',
    );
  });

  it('names the field and the item that is wrong', () => {
    expect(requestFromForm(form({ cores: '1,x' }), {})).toBe(
      "cores: 'x' is not a whole number from 1 to 256",
    );
    expect(requestFromForm(form({ cores: '' }), {})).toBe('cores: give at least one value');
    expect(requestFromForm(form({ values: '5,,6' }), {})).toBe(
      "values of think: '' is not a number",
    );
    expect(requestFromForm(form({ platforms: [] }), {})).toBe('platforms: pick at least one');
    expect(requestFromForm(form({ maxCycles: '1e6' }), {})).toBe(
      "max cycles: '1e6' is not a whole number of cycles",
    );
    expect(requestFromForm(form({ cores: '1,2,3,4,5,6,7,8', seeds: '1-200' }), {})).toMatch(
      /^seeds: '1-200'/,
    );
    const many = Array.from({ length: 200 }, (_, i) => i + 1).join(',');
    expect(requestFromForm(form({ cores: many, values: '1,2,3,4,5,6' }), {})).toMatch(
      /^1200 points is more than 1000/,
    );
  });
});

describe('the sweep chart series', () => {
  const grid = { platform: ['a9-sabre', 'haswell-i7'], cores: [1, 2], params: { think: [500] } };

  it('one series per varying axis other than x, points by x, error rows left out', () => {
    const rows = [row('a9-sabre', 1, 500, 10), row('a9-sabre', 2, 500, 20)];
    rows.push(row('haswell-i7', 1, 500, null), row('haswell-i7', 2, 500, 40));
    expect(chartSeries(grid, rows, 'cores', 'ipcPerSecond')).toEqual([
      {
        label: 'a9-sabre',
        points: [
          { x: 1, y: 10, index: 0 },
          { x: 2, y: 20, index: 1 },
        ],
      },
      { label: 'haswell-i7', points: [{ x: 2, y: 40, index: 3 }] },
    ]);
  });

  it('labels stay put while rows arrive (points not run yet are holes)', () => {
    const rows: (SweepRow | undefined)[] = [
      undefined,
      undefined,
      undefined,
      row('haswell-i7', 2, 500, 4),
    ];
    expect(chartSeries(grid, rows, 'cores', 'ipcPerSecond').map((s) => s.label)).toEqual([
      'haswell-i7',
    ]);
  });

  it('x is cores when cores vary, else the swept parameter; the other axes label the series', () => {
    const byThink = { platform: ['a9-sabre'], cores: [4], params: { think: [500, 4000] } };
    expect(defaultXAxis(grid)).toBe('cores');
    expect(defaultXAxis(byThink)).toBe('param:think');
    expect(xAxes(byThink)).toEqual(['cores', 'param:think']);
    const both = { cores: [1, 2], params: { think: [500, 4000] } };
    const rows = [row('a9-sabre', 1, 500, 1), row('a9-sabre', 1, 4000, 2)];
    rows.push(row('a9-sabre', 2, 500, 3), row('a9-sabre', 2, 4000, 4));
    expect(chartSeries(both, rows, 'param:think', 'ipcPerSecond').map((s) => s.label)).toEqual([
      '1 core',
      '2 cores',
    ]);
    expect(chartSeries(both, rows, 'cores', 'ipcPerSecond').map((s) => s.label)).toEqual([
      'think 500',
      'think 4000',
    ]);
  });
});

describe('sweep numbers', () => {
  it('prints ticks short and wall time in the unit that reads best', () => {
    expect([
      shortNumber(2_500_000),
      shortNumber(35_500),
      shortNumber(12.5),
      shortNumber(0.25),
    ]).toEqual(['2.5M', '35.5k', '12.5', '0.25']);
    expect([wallTime(750.4), wallTime(5983.5), wallTime(125_000)]).toEqual([
      '750 ms',
      '6.0 s',
      '2 min 5 s',
    ]);
  });
});
