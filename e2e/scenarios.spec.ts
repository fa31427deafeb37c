// Every built-in scenario opens from the URL and runs with no error; the endless experiments
// are paused once they have run a while. Each run's traceHash in Chromium equals Node's for the
// same number of events: one engine, one log, on both.
import { expect, test } from './fixtures';
import { nodeTraceHash } from './nodeRun';

test('every built-in scenario opens via the URL, runs with no error and hashes as in Node', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.open('?paused=1');
  const ids = await page.evaluate(() => window.__ipcscope!.scenarios());
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) {
    await page.goto(`/?scenario=${id}&speed=max`);
    await page.waitForFunction(() => window.__ipcscope !== undefined);
    // Examples end by themselves; experiments loop until a cycle limit, so stop them at 20k events.
    await page.waitForFunction(() => {
      const s = window.__ipcscope!.store.getState();
      return (!s.running && s.loadState !== 'loading' && s.pending === 0) || s.cursor >= 20_000;
    });
    await page.evaluate(() => window.__ipcscope!.store.getState().pause());
    await app.idle();
    const s = await app.state();
    expect(s.errors, id).toEqual([]);
    expect(s.cursor, id).toBeGreaterThan(0);
    await expect(page.getByTestId('view-machine').getByTestId('core').first(), id).toBeVisible();
    const run = await page.evaluate(() => {
      const { log } = window.__ipcscope!.store.getState();
      return { events: log.length, traceHash: log.traceHash };
    });
    expect(run.traceHash, id).toMatch(/^[0-9a-f]{16}$/);
    expect(run.traceHash, id).toBe(nodeTraceHash(id, run.events));
  }
});
