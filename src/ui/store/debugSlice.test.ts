// The debugger's store against the real session (in process): breakpoints, hit counts and
// problems, logpoints that follow the editor's text, branches, and the idle signal throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessSimClient } from '../../worker/inProcessSimClient';
import { QUEUE } from '../../worker/testing/debugFixtures';
import { createAppStore, isIdle, type AppStore } from './createAppStore';

const clients: InProcessSimClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

async function setup(): Promise<{ store: AppStore; idle: () => Promise<void> }> {
  const client = new InProcessSimClient();
  clients.push(client);
  const queued: (() => void)[] = [];
  const store = createAppStore(client, {
    schedule: (f) => queued.push(f),
    scenarios: [
      {
        id: 'queue',
        file: 'queue.ts',
        title: 'queue',
        description: '',
        kind: 'example',
        source: QUEUE,
      },
    ],
  });
  const idle = async () => {
    for (let i = 0; i < 10_000; i++) {
      await new Promise((r) => setTimeout(r, 0));
      while (queued.length > 0) queued.shift()!();
      if (isIdle(store) && queued.length === 0) return;
    }
    throw new Error('the store never became idle');
  };
  store.getState().setSpeed(null);
  store.getState().openExample('queue');
  await idle();
  return { store, idle };
}

const lineOf = (text: string) => QUEUE.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('the debugger store', () => {
  it('counts hits at the cursor and keeps the problems of the conditions that failed', async () => {
    const { store, idle } = await setup();
    const s = store.getState();
    const id = s.addCondition({ kind: 'endpointQueue', endpoint: 'ep', side: 'send', atLeast: 2 });
    const bad = s.addCondition({ kind: 'expression', source: 'machine.t >' });
    await idle();
    expect(store.getState().bpProblems.map((p) => p.id)).toEqual([bad]);
    s.continueRun(1);
    await idle();
    expect(store.getState().stop?.reason).toBe('breakpoint');
    expect(store.getState().bpCounts[id]).toBe(1);
    // Fixing the condition clears its problem.
    s.updateCondition(bad, { kind: 'expression', source: 'machine.t > 0' });
    await idle();
    expect(store.getState().bpProblems).toEqual([]);
    s.removeCondition(id);
    expect(store.getState().conditions.map((b) => b.id)).toEqual([bad]);
  });

  it('logpoints re-simulate the loaded script, or run the edited one with them', async () => {
    const { store, idle } = await setup();
    store.getState().run();
    await idle();
    const line = lineOf('sys.compute(100 +');
    store.getState().addLogpoint(line, 'r.words[0]');
    await idle();
    expect(
      store
        .getState()
        .logHits.map((h) => h.value)
        .sort(),
    ).toEqual(['1', '1', '1', '2', '2', '2', '3', '3', '3']);
    // Two lines added above it in the editor: the logpoint follows, and the next change runs
    // the edited script with it.
    const text = `// a\n// b\n${QUEUE}`;
    store.getState().editDraft(text);
    store.getState().moveLogpoints([{ ...store.getState().logpoints[0]!, line: line + 2 }]);
    store.getState().addLogpoint(lineOf('const r = yield*') + 2, 'i');
    await idle();
    const st = store.getState();
    expect(st.source).toBe(text);
    expect(st.stop?.reason).toBe('idle');
    expect(st.logProblems).toEqual([]);
    expect(st.logHits).toHaveLength(18);
    store.getState().setLogpoints([]);
    await idle();
    expect(store.getState().logHits).toEqual([]);
  });

  it('a fork becomes the current branch; switching back shows the run it came from', async () => {
    const { store, idle } = await setup();
    store.getState().run();
    await idle();
    store.getState().seek(40);
    await idle();
    const edited = QUEUE.replace('sys.compute(100 +', 'sys.compute(5000 +');
    store.getState().fork({ source: edited, label: 'no wait' });
    await idle();
    let st = store.getState();
    expect(st.branches.map((b) => b.label)).toEqual(['main', 'no wait']);
    expect(st.currentBranch).toBe(1);
    expect(st.cursor).toBe(40);
    expect(st.source).toBe(edited);
    expect(st.branches[1]!.change).toMatch(/edited script \(differs from main at event \d+\)/);
    st.switchBranch(0);
    await idle();
    st = store.getState();
    expect(st.currentBranch).toBe(0);
    expect(st.source).toBe(QUEUE);
    await st.diffBranches(0, 1);
    await idle();
    expect(store.getState().diff?.diff.structural).not.toBeNull();
  });
});
