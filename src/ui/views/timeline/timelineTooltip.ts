// The words of the timeline's hover tooltip: what a message arrow carried, or what a track did
// over one span (mode, core or thread, from when to when, the event that began it).
import type { EventLog } from '../../../projection/eventLog';
import { eventSentence } from '../../../projection/eventText';
import { MODES, type TimelineModel } from '../../../projection/timeline';
import { fmtInt } from '../../format';
import type { Pick } from './timelineLayout';

export interface TooltipText {
  title: string;
  lines: string[];
}

export function describePick(tl: TimelineModel, log: EventLog, p: Pick): TooltipText {
  const e = p.index < log.length ? log.get(p.index) : null;
  if (p.kind === 'message') {
    const lines = [`event #${fmtInt(p.index)} · t = ${fmtInt(tl.messages.t[p.i]!)} cycles`];
    if (e?.type === 'messageTransferred') {
      lines.unshift(
        `via ${e.object} · label ${e.label} · ${e.length} word${e.length === 1 ? '' : 's'}` +
          (e.caps > 0 ? ` · ${e.caps} cap${e.caps === 1 ? '' : 's'}` : ''),
      );
      if (e.requested > e.length) {
        lines.push(`truncated: ${e.requested} words asked for, ${e.length} sent`);
      }
    }
    const kind = e?.type === 'messageTransferred' ? e.kind : 'message';
    const from = tl.threadNames[tl.messages.from[p.i]!] ?? '?';
    const to = tl.threadNames[tl.messages.to[p.i]!] ?? '?';
    return { title: `${kind}: ${from} → ${to}`, lines };
  }
  const s = p.row.kind === 'core' ? tl.cores[p.row.index]! : tl.threads[p.row.index]!;
  const t0 = s.start[p.k]!;
  const t1 = s.start[p.k + 1] ?? tl.end;
  const mode = MODES[s.mode[p.k]!] ?? 'off';
  const other = s.other[p.k]!;
  const where =
    p.row.kind === 'core'
      ? other >= 0
        ? `running ${tl.threadNames[other] ?? '?'}`
        : 'on its idle thread'
      : `on core ${other}`;
  const lines = [
    `${fmtInt(t0)} – ${fmtInt(t1)} cycles (${fmtInt(t1 - t0)})`,
    `began at event #${fmtInt(p.index)}${e ? `: ${eventSentence(e)}` : ''}`,
  ];
  return { title: `${p.row.label} · ${mode} ${where}`, lines };
}
