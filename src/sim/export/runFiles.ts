// The two files a run can be saved as, written the same way wherever the run happens (the CLI's
// --events and --trace, the app's downloads): JSON lines, one event per line as the engine emits
// it, and a Chrome/Perfetto trace streamed as `{"displayTimeUnit":"ns","traceEvents":[...]}`.
// Attach the listeners before the run, call finish() after it.
import type { SimEvent } from '../simEvents';
import type { Simulation } from '../simulation';
import { ChromeTraceBuilder } from './chromeTrace';

export interface RunFileSinks {
  /** Receives the JSON-lines file in pieces. */
  events?: (chunk: string) => void;
  /** Receives the trace file in pieces. */
  trace?: (chunk: string) => void;
}

export interface RunFileWriters {
  listeners: ((e: SimEvent) => void)[];
  /** Close the trace at the run's end time. Call once the run is over. */
  finish: () => void;
}

export function runFileWriters(
  sim: Simulation,
  title: string,
  sinks: RunFileSinks,
): RunFileWriters {
  const listeners: ((e: SimEvent) => void)[] = [];
  const events = sinks.events;
  if (events !== undefined) listeners.push((e) => events(`${JSON.stringify(e)}\n`));
  const trace = sinks.trace;
  if (trace === undefined) return { listeners, finish: () => {} };
  let first = true;
  trace('{"displayTimeUnit":"ns","traceEvents":[\n');
  const builder = new ChromeTraceBuilder(
    {
      clockMHz: sim.profile.clockMHz,
      cores: sim.config.cores,
      threads: sim.world.state.threads.map((t) => t.name),
      title,
    },
    (e) => {
      trace(`${first ? '' : ',\n'}${JSON.stringify(e)}`);
      first = false;
    },
  );
  listeners.push((e) => builder.add(e));
  return {
    listeners,
    finish() {
      builder.finish(sim.now);
      trace('\n]}\n');
    },
  };
}
