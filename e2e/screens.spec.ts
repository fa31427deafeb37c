// Screenshots of every view compared with the committed baselines (screens.spec.ts-snapshots/):
// the same run at the same event, animations off, the caret hidden, so a change in what a view
// draws fails here. After an intended change: `npx playwright test e2e/screens.spec.ts
// --update-snapshots`, look at the new pictures, and commit them.
import { expect, test } from './fixtures';
import type { Locator } from '@playwright/test';

const VIEWS = [
  'toolbar',
  'editor',
  'view-machine',
  'view-endpoints',
  'view-timeline',
  'view-inspector',
  'view-stats',
];
const TABS = ['lines', 'namespace', 'console', 'trace'];

/**
 * A clean rerun on the same Chromium is pixel-identical: a handful of stray pixels is allowed,
 * one changed letter is not.
 */
const SHOT = { maxDiffPixels: 6, animations: 'disabled', caret: 'hide' } as const;

const same = (locator: Locator, name: string) =>
  expect(locator).toHaveScreenshot(`${name}.png`, SHOT);

test('every view looks as its baseline', async ({ app, page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open('?scenario=exp-cross-core&platform=xeon-2s&cores=8&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(1500));
  await app.idle();
  await app.press('Shift+ArrowRight');
  await app.press('Alt+ArrowRight');
  // The pointer away from the timeline: no tooltip, no hover.
  await page.mouse.move(0, 0);
  await same(page.locator('#root'), 'app');
  for (const v of VIEWS) await same(page.getByTestId(v), v);
  for (const t of TABS) {
    await page.getByTestId(`tab-${t}`).click();
    await same(page.getByTestId('bottom-panel'), `tab-${t}`);
  }
  await page.keyboard.press('?');
  await same(page.getByTestId('help'), 'help');
  await page.keyboard.press('Escape');
});

test('the namespace view of a UX/RT scenario looks as its baseline', async ({ app, page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  // Mount tables, unions, file operations as hops, at the end of the run.
  await app.open('?scenario=uxrt-union&speed=max');
  await page.getByTestId('tab-namespace').click();
  await page.getByTestId('file-ops').waitFor();
  await page.mouse.move(0, 0);
  await same(page.getByTestId('bottom-panel'), 'tab-namespace-uxrt');
  await same(page.locator('#root'), 'app-uxrt');
});

test('64 cores in the machine view look as their baseline', async ({ app, page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open('?scenario=exp-cross-core&platform=epyc-2s&cores=64&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(3000));
  await app.idle();
  await page.mouse.move(0, 0);
  await same(page.getByTestId('view-machine'), 'view-machine-64');
  await same(page.getByTestId('view-timeline'), 'view-timeline-64');
});
