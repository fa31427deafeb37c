// Room to see and keyboard access (issue 14 items 8, 11, 12): Tab leaves the editor, Space on a
// focused button presses it, splitters resize by keyboard and panes collapse, sizes survive a
// reload, the scenario's notes and params are shown, and 1024x700 keeps the toolbar usable.
import { expect, test } from './fixtures';

test('Esc then Tab leaves the editor, and the editor says how', async ({ app, page }) => {
  await app.open('?scenario=echo&paused=1');
  await expect(page.getByTestId('editor-tab-hint')).toHaveAttribute('title', /Esc then Tab/);
  await page.evaluate(() => window.__ipcscopeEditor!.focus());
  await page.keyboard.press('Tab');
  // Inside the editor, Tab indents and the focus stays.
  expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(
    false,
  );
});

test('Space on a focused button presses that button, not Run', async ({ app, page }) => {
  await app.open('?scenario=echo&paused=1');
  await page.getByTestId('step-event').focus();
  await app.press(' ');
  const s = await app.state();
  expect(s.running).toBe(false);
  expect(s.cursor).toBe(1);
});

test('splitters resize by keyboard, panes collapse, and the layout survives a reload', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  const timeline = page.locator('[data-pane="timeline"]');
  const before = (await timeline.boundingBox())!.height;
  await page.getByTestId('splitter-timeline').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const after = (await timeline.boundingBox())!.height;
  expect(after).toBeGreaterThan(before + 20);
  await page.getByTestId('collapse-inspector').click();
  await expect(page.locator('[data-pane="inspector"]')).toHaveAttribute('data-collapsed', 'true');
  await page.reload();
  await page.waitForFunction(() => window.__ipcscope !== undefined);
  await expect(page.locator('[data-pane="inspector"]')).toHaveAttribute('data-collapsed', 'true');
  expect(Math.abs((await timeline.boundingBox())!.height - after)).toBeLessThan(4);
  await page.getByTestId('collapse-inspector').click();
  await expect(page.getByTestId('view-inspector')).toBeVisible();
});

test("the scenario's description and what to watch are in a panel; params re-run it", async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&speed=max');
  await expect(page.getByTestId('scenario-description')).toContainText('calls an echo server');
  await expect(page.getByTestId('scenario-watch')).toContainText("path 'fast'");
  const messages = async () =>
    page.evaluate(() => {
      const s = window.__ipcscope!.store.getState();
      let n = 0;
      for (let i = 0; i < s.total; i++) if (s.log.get(i).type === 'messageTransferred') n++;
      return n;
    });
  const before = await messages();
  await page.getByTestId('param-calls').fill('6');
  await page.getByTestId('param-calls').press('Enter');
  await app.idle();
  expect(await messages()).toBe(before * 2);
  await expect(page.getByTestId('param-calls')).toHaveValue('6');
});

test('at 1024x700 the toolbar and the machine view still work', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.open('?scenario=echo&paused=1');
  for (const id of ['run', 'scenario-picker', 'platform', 'step-event'])
    await expect(page.getByTestId(id)).toBeInViewport();
  await expect(page.getByTestId('view-machine').getByTestId('core').first()).toBeInViewport();
  const heights = await page
    .locator('.panel-head')
    .evaluateAll((hs) => hs.map((h) => h.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThanOrEqual(29);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-hint')).toHaveCount(0);
});
