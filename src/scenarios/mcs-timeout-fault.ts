import { scenario, type Sys } from 'ipcscope';

// A timeout fault on MCS (sel4-reference.md §1.9; seL4 src/kernel/faulthandler.c handleTimeout,
// src/kernel/thread.c endTimeslice, src/api/faults.c setMRs_fault). A passive database server
// runs on the SC each client lends it. One client asks for a query so long that its budget runs
// out while the server is still serving it: instead of waiting for the client's next refill, the
// server raises a timeout fault to its timeout endpoint. The supervisor gets the fault message
// (label 5, MR0 the SC's badge, MR1 the time the SC consumed) and, here, lets the server go on
// with a reply of label 0: the server then waits for the client's next refill, runs out again,
// faults again, and finally answers. Only then is the other client, with short queries, served.
export default scenario({
  name: 'MCS: a timeout fault stops a runaway request',
  description:
    'On MCS a passive server spends its clients’ budgets. If a request runs longer than the ' +
    'client’s budget, the server would stall holding the client’s SC until the next refill. ' +
    'With a timeout endpoint (timeoutHandler) the kernel sends a timeout fault instead: watch ' +
    'faultRaised (timeout) for the server, the fault message the supervisor prints (label 5, ' +
    'the SC badge 7 and the cycles consumed so far), its reply (label 0: carry on), and ' +
    'budgetExhausted as the server waits for the runaway client’s next refill. The steady ' +
    'client, whose queries fit its budget, is served only after that: a passive server serves ' +
    'one request at a time.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: true },
  seed: 1,
  params: { queries: 3 },
  setup(k) {
    const db = k.endpoint('db');
    const timeouts = k.endpoint('timeouts');
    k.process('server', dbServer, {
      priority: 200,
      passive: true,
      caps: { db: db.cap(), timeout: timeouts.cap({ badge: 1 }) },
      timeoutHandler: 'timeout',
    });
    k.process('supervisor', supervisor, {
      priority: 250,
      caps: { timeouts: timeouts.cap() },
    });
    k.process('runaway', client([2_000_000]), {
      priority: 100,
      budget: 200,
      period: 5000,
      scBadge: 7,
      caps: { db: db.cap({ rights: { write: true, grantReply: true } }) },
    });
    const n = k.params.queries ?? 3;
    k.process('steady', client(Array.from({ length: n }, () => 20_000)), {
      priority: 90,
      budget: 200,
      period: 5000,
      scBadge: 8,
      caps: { db: db.cap({ rights: { write: true, grantReply: true } }) },
    });
  },
});

function* dbServer(sys: Sys) {
  let q = yield* sys.recv('db');
  for (;;) {
    yield* sys.compute(q.words[0] ?? 0); // the query's work, on the caller's budget
    q = yield* sys.replyRecv('db', { words: [1] });
  }
}

function* supervisor(sys: Sys) {
  let f = yield* sys.recv('timeouts');
  for (;;) {
    sys.log(
      `timeout fault: label ${f.label}, SC badge ${f.words[0]}, consumed ${f.words[1]} cycles`,
    );
    // Label 0: the faulting thread resumes (handleFaultReply); it runs again at the next refill.
    f = yield* sys.replyRecv('timeouts', { label: 0 });
  }
}

function client(queries: number[]) {
  return function* (sys: Sys) {
    for (const cycles of queries) {
      const r = yield* sys.call('db', { words: [cycles] });
      sys.log(`query of ${cycles} cycles answered ${r.words[0] ?? 'nothing'}`);
    }
  };
}
