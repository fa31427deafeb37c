import { afterEach, describe, expect, it } from 'vitest';
import { InProcessSimClient } from '../../worker/inProcessSimClient';
import { MIXED, PASSIVE } from '../../worker/testing/fixtures';
import { SHORTCUTS } from '../views/controls/shortcuts';
import { createAppStore, isIdle, type AppStore } from './createAppStore';

const clients: InProcessSimClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function setup(): { store: AppStore; idle: () => Promise<void> } {
  const client = new InProcessSimClient();
  clients.push(client);
  const queued: (() => void)[] = [];
  const store = createAppStore(client, {
    schedule: (f) => queued.push(f),
    scenarios: [
      {
        id: 'mixed',
        file: 'mixed.ts',
        title: 'mixed',
        description: '',
        kind: 'example',
        source: MIXED,
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
  return { store, idle };
}

const shortcut = (key: string) => SHORTCUTS.find((s) => s.keys.join('+') === key)!;

describe('the draft: the editor text is the scenario', () => {
  it('typing follows the editor without a new version; a replacement from outside bumps it', () => {
    const { store } = setup();
    store.getState().openExample('mixed');
    const v = store.getState().draft.version;
    expect(store.getState().draft.text).toBe(MIXED);
    store.getState().editDraft(MIXED + '// a');
    expect(store.getState().draft).toMatchObject({ text: MIXED + '// a', version: v });
    store
      .getState()
      .replaceDraft({ text: PASSIVE, baseline: PASSIVE, file: 'p.ts', exampleId: null });
    expect(store.getState().draft.version).toBe(v + 1);
  });

  it('Run runs the edited text, not the copy loaded before the edit', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openExample('mixed');
    await idle();
    store.getState().editDraft(PASSIVE);
    store.getState().run();
    await idle();
    const s = store.getState();
    expect(s.source).toBe(PASSIVE);
    expect(s.scenario?.name).toBe('passive server');
    expect(s.cursor).toBeGreaterThan(0);
  });

  it('Run at the end of a finished run starts it again from the start', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openExample('mixed', {}, { run: true });
    await idle();
    const first = store.getState();
    expect(first.stop?.reason).toBe('idle');
    const log = first.log;
    store.getState().run();
    await idle();
    const again = store.getState();
    expect(again.log).not.toBe(log);
    expect(again.stop?.reason).toBe('idle');
    expect(again.total).toBe(first.total);
  });

  it('R and a machine change run the editor text too', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openExample('mixed');
    await idle();
    store.getState().editDraft(PASSIVE);
    shortcut('R').run(store.getState());
    await idle();
    expect(store.getState().scenario?.name).toBe('passive server');
    store.getState().editDraft(MIXED);
    store.getState().setMachine({ seed: 3 });
    await idle();
    expect(store.getState().scenario?.name).toBe('mixed paths');
    expect(store.getState().scenarioId).toBe('mixed');
  });

  it('no run control starts while the draft has compile errors', async () => {
    const { store, idle } = setup();
    store.getState().openExample('mixed');
    await idle();
    store.getState().setDraftErrors(1);
    store.getState().run();
    await idle();
    expect(store.getState().cursor).toBe(0);
  });
});
