// The built-in scenarios, in the order a student meets them: id, title (the scenario's own
// name), a one-line summary for menus, and the source file beside this one. Plain data with no
// file access, so the browser can import it; Node reads the files with fs, the app with ?raw.

export interface CatalogEntry {
  /** Stable id, the file name without .ts (used in URLs and on the command line). */
  id: string;
  /** The scenario's name, as `scenario({ name })` gives it. */
  title: string;
  /** One line for menus; the scenario's own description says more. */
  description: string;
  /** File name inside src/scenarios/. */
  file: string;
  /** Examples run to an end; experiments loop until a cycle limit and are meant for sweeps. */
  kind: 'example' | 'experiment';
}

const example = (id: string, title: string, description: string): CatalogEntry => ({
  id,
  title,
  description,
  file: `${id}.ts`,
  kind: 'example',
});

const experiment = (id: string, title: string, description: string): CatalogEntry => ({
  ...example(id, title, description),
  kind: 'experiment',
});

export const SCENARIOS: readonly CatalogEntry[] = [
  example('echo', 'Call / ReplyRecv echo', 'Same-core Call and ReplyRecv, all on the fastpath.'),
  example(
    'slowpath-long-message',
    'Slowpath: a long message',
    'Six words do not fit in four message registers: the Call goes slow.',
  ),
  example(
    'slowpath-cap-transfer',
    'Slowpath: a cap transfer',
    'A cap in the message: the receive slot, unwrapping, and the slowpath.',
  ),
  example(
    'slowpath-cross-core',
    'Slowpath: a server on another core',
    'Cross-core IPC: slowpath, reschedule IPIs, the big lock, migrating lines.',
  ),
  example(
    'slowpath-priority',
    'Slowpath: a low-priority server',
    'A ready thread above the server keeps the Call off the fastpath.',
  ),
  example(
    'notification-badges',
    'Notifications: badges OR together',
    'Several signals before one Wait arrive as one word of badge bits.',
  ),
  example(
    'bound-notification',
    'Bound notification: interrupts and calls in one loop',
    'A bound notification wakes a server out of Recv; badges tell them apart.',
  ),
  example(
    'mcs-passive-server',
    'MCS: a passive server follows its clients',
    'Scheduling-context donation and a passive server migrating between cores.',
  ),
  example(
    'mcs-sporadic-refills',
    'MCS: sporadic refills',
    'A sporadic budget as a list of refills: bursts, a long sleep, and throttling.',
  ),
  example(
    'mcs-timeout-fault',
    'MCS: a timeout fault stops a runaway request',
    'A passive server runs out of its client’s budget and sends a timeout fault.',
  ),
  example(
    'mcs-notification-sc',
    'MCS: a driver on its notification’s scheduling context',
    'A passive driver runs interrupts on the notification’s SC, requests on clients’.',
  ),
  example(
    'cap-fault-handler',
    'Cap fault caught by a fault handler',
    'A Call on an empty slot faults; a supervisor receives it and suspends the client.',
  ),
  example(
    'yield-round-robin',
    'Yield and time slices: round robin',
    'Yield to the back of the queue; time slices preempt equal priorities.',
  ),
  example(
    'lost-messages',
    'Lost messages: NBSend and missing rights',
    'NBSend with nobody waiting and Send without Write vanish; Call reports.',
  ),
  example(
    'uxrt-cat',
    'UX/RT: cat a file, counting kernel entries',
    'open goes through the process server; every read is one fastpath Call.',
  ),
  example(
    'uxrt-message-size',
    'UX/RT: short vs long messages',
    'Message registers or the shared buffer: where the fastpath is kept or lost.',
  ),
  example(
    'uxrt-servers',
    'UX/RT: file servers of every kind',
    'Console, null, zero, a message pipe, a filter and process memory as files.',
  ),
  example(
    'uxrt-union',
    'UX/RT: a union directory',
    'bind before and after: which member of /bin answers a lookup.',
  ),
  example(
    'uxrt-fork-namespace',
    'UX/RT: namespaces diverging after fork',
    'A copied and a shared namespace, and what each process then sees.',
  ),
  example(
    'uxrt-passive-mcs',
    'UX/RT: a passive file server on MCS',
    'A passive ramfs follows its clients’ scheduling contexts from core to core.',
  ),
  example(
    'uxrt-per-core',
    'UX/RT: one server for all cores vs one per core',
    'Cross-core reads against a file server on every core.',
  ),
  example(
    'uxrt-server-gone',
    'UX/RT: a server goes away',
    'Exit, a cap fault and a kill: clients get EPIPE instead of blocking.',
  ),
  experiment(
    'exp-smp-pingpong',
    'Experiment: sel4bench smp (big lock)',
    'One ping-pong pair per core: throughput against cores under the big lock.',
  ),
  experiment(
    'exp-cross-core',
    'Experiment: cross-core IPC, one image vs clustered multikernel',
    'Cross-core pairs under one SMP image or clustered images, as cores grow.',
  ),
];

/** The entry with this id, or undefined. */
export function findScenario(id: string): CatalogEntry | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** The scenario the app opens on. */
export const DEFAULT_SCENARIO_ID = 'echo';
