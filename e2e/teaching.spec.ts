// Teaching and demos end to end in Chromium: lessons, narration, keyboard-only use, an
// accessibility scan, presenter keys, the embed example driving the app by postMessage, and the
// production build working with the network cut after one visit.
import { expect, test } from './fixtures';

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the app reloads and runs a scenario, Monaco included, with no network', async ({
    app,
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await app.open('?scenario=echo&paused=1');
    // The service worker is ready once it has stored every file of the build.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.__ipcscope !== undefined);
    await app.idle();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByTestId('run').click();
    await app.idle();
    const s = await app.state();
    expect(s.errors).toEqual([]);
    expect(s.stop?.reason).toBe('idle');
    expect(s.total).toBeGreaterThan(20);
    await expect(page.getByTestId('core').first()).toBeVisible();
    // The editor (Monaco and its TypeScript worker) loads from the cache as well.
    await expect(page.locator('body[data-editor-ready="true"]')).toBeAttached();
    await context.setOffline(false);
  });
});
