// An MCS scheduling context (sel4-reference.md §1.9): budget and period, who holds it now and
// whose it is, and its sporadic-server refill list (seL4 src/kernel/sporadic.c), head first:
// each refill is budget usable from its time; refills whose time has come are available now.
import type { MachineDescription, SchedContextView } from '../../../projection/types';
import { fmtCycles, fmtInt } from '../../format';

type ScDescription = MachineDescription['schedContexts'][number];

export function SchedContextSection({
  sc,
  d,
  now,
  clock,
}: {
  sc: SchedContextView;
  d: ScDescription;
  now: number;
  clock: number;
}) {
  const roundRobin = d.budget >= d.period;
  const refills = sc.refills ?? [];
  const available = refills.filter((r) => r.time <= now).reduce((a, r) => a + r.amount, 0);
  return (
    <section className="insp-section" data-testid="inspector-sc" data-sc={sc.name}>
      <div className="insp-title">
        scheduling context <b>{sc.name}</b>{' '}
        <span className="pill">{roundRobin ? 'round robin' : 'sporadic'}</span>
      </div>
      <table className="kv">
        <tbody>
          <tr>
            <th>budget / period</th>
            <td className="mono">
              {fmtCycles(d.budget, clock)} of every {fmtCycles(d.period, clock)}
            </td>
          </tr>
          <tr>
            <th>held by</th>
            <td className="mono">
              {sc.holder ?? (d.notification ? `nobody (bound to ${d.notification})` : 'nobody')}
              {sc.home !== null && sc.holder !== sc.home ? ` (lent; it belongs to ${sc.home})` : ''}
            </td>
          </tr>
          <tr>
            <th>core</th>
            <td>{sc.core}</td>
          </tr>
          {sc.consumed !== undefined && (
            <tr>
              <th>consumed</th>
              <td className="mono">{fmtCycles(sc.consumed, clock)}</td>
            </tr>
          )}
          <tr>
            <th>available now</th>
            <td className="mono" data-testid="sc-available">
              {fmtCycles(available, clock)}
            </td>
          </tr>
        </tbody>
      </table>
      {refills.length > 0 && (
        <table className="grid" data-testid="sc-refills">
          <thead>
            <tr>
              <th>refill</th>
              <th>amount</th>
              <th>usable from</th>
            </tr>
          </thead>
          <tbody>
            {refills.map((r, i) => (
              <tr key={i} data-ready={r.time <= now ? 'yes' : 'no'}>
                <td>{i === 0 ? 'head' : i + 1}</td>
                <td className="mono">{fmtInt(r.amount)}</td>
                <td className="mono">
                  {r.time <= now ? 'now' : `cycle ${fmtInt(r.time)} (in ${fmtInt(r.time - now)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.maxRefills !== undefined && !roundRobin && (
        <div className="sentence">
          {refills.length} of at most {d.maxRefills} refills. Time used from the head comes back as
          a new refill one period after the head&apos;s time (refill_budget_check).
        </div>
      )}
    </section>
  );
}
