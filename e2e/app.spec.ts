// The app end to end, in real Chromium against the built app: the default scenario, stepping
// forward and back, slowpath reasons, machine changes, the watchdog.
import { expect, test } from './fixtures';

test('the default scenario loads, runs to its end and shows fast and slow paths', async ({
  app,
  page,
}) => {
  await app.open('?speed=max');
  const s = await app.state();
  expect(s.stop?.reason).toBe('idle');
  expect(s.cursor).toBe(s.total);
  expect(s.cursor).toBeGreaterThan(50);
  await expect(page.getByTestId('core')).toHaveCount(2);
  const share = await page.locator('[data-stat="fastpathShare"]').getAttribute('data-value');
  expect(share).toMatch(/^[1-9]\d*(\.\d)?%$/);
  expect(Number(share!.replace('%', ''))).toBeLessThan(100);
  await expect(page.locator('.reason-row').first()).toBeVisible();
});

test('stepping forward and back changes the endpoint and core views exactly as the events say', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open('?paused=1');
  const view = () =>
    page.evaluate(() => {
      const cores = [...document.querySelectorAll('[data-testid="core"]')].map(
        (c) => `${c.getAttribute('data-thread')}/${c.getAttribute('data-mode')}`,
      );
      const eps = [...document.querySelectorAll('[data-testid="endpoint"]')].map(
        (e) =>
          `${e.getAttribute('data-name')}:${e.getAttribute('data-state')}[${e.getAttribute('data-queue')}]`,
      );
      return [...cores, ...eps].join(' ');
    });
  const seen: string[] = [await view()];
  let checked = 0;
  for (let i = 1; i <= 70; i++) {
    await app.press('ArrowRight');
    expect((await app.state()).cursor).toBe(i);
    const e = await app.event(i - 1);
    if (e.type === 'objectChanged' && e.kind === 'endpoint') {
      const card = page.locator(`[data-testid="endpoint"][data-name="${String(e.object)}"]`);
      await expect(card).toHaveAttribute('data-state', String(e.state));
      await expect(card).toHaveAttribute('data-queue', (e.queue as string[]).join(','));
      checked++;
    }
    if (e.type === 'threadSwitched') {
      await expect(page.locator(`[data-testid="core"][data-core="${e.core}"]`)).toHaveAttribute(
        'data-thread',
        String(e.to),
      );
      checked++;
    }
    seen.push(await view());
  }
  expect(checked).toBeGreaterThan(5);
  for (let i = 69; i >= 0; i--) {
    await app.press('ArrowLeft');
    expect((await app.state()).cursor).toBe(i);
    expect(await view()).toBe(seen[i]);
  }
});

test('a slowpath shows its reason in the inspector', async ({ app, page }) => {
  await app.open('?scenario=slowpath-cross-core&paused=1');
  await page.getByText('● Breakpoints').click();
  await page.getByTestId('bp-slowpath').check();
  await app.idle();
  await app.press('Escape');
  await expect(page.getByTestId('bp-slowpath')).toBeHidden();
  await page.getByTestId('run').click();
  await app.idle();
  const s = await app.state();
  expect(s.stop?.reason).toBe('breakpoint');
  const e = await app.event(s.cursor - 1);
  expect(e).toMatchObject({ type: 'syscallExited', path: 'slow' });
  const reason = page.getByTestId('inspector-event').getByTestId('slowpath-reason');
  await expect(reason).toContainText(String(e.reason));
  await expect(page.getByTestId('entry-box')).toHaveAttribute('data-path', 'slow');
});

test('stepping by kernel entry lands on the end of an entry, by message on a transfer', async ({
  app,
}) => {
  await app.open('?paused=1');
  await app.press('Shift+ArrowRight');
  let s = await app.state();
  expect((await app.event(s.cursor - 1)).type).toBe('syscallExited');
  await app.press('Alt+ArrowRight');
  s = await app.state();
  expect((await app.event(s.cursor - 1)).type).toBe('messageTransferred');
  await app.press('Home');
  expect((await app.state()).cursor).toBe(0);
});

test('changing the platform re-runs the scenario and changes the stats', async ({ app, page }) => {
  await app.open('?scenario=slowpath-cross-core&speed=max');
  const cycles = () => page.locator('[data-stat="cyclesPerIpc"]').getAttribute('data-value');
  const before = await cycles();
  await page.getByTestId('platform').selectOption('xeon-2s');
  await app.idle();
  expect((await app.state()).stop?.reason).toBe('idle');
  const after = await cycles();
  expect(after).not.toBe(before);
  expect(page.url()).toContain('platform=xeon-2s');
  await expect(page.getByTestId('view-machine')).toContainText('xeon-2s');
});

test('the help overlay lists the keyboard shortcuts', async ({ app, page }) => {
  await app.open('?paused=1');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help')).toContainText('Step to the end of the next kernel entry');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toHaveCount(0);
});

test('a setup that never returns is stopped by the watchdog and its source is kept', async ({
  app,
  page,
}) => {
  await app.open('?paused=1');
  const source =
    "import { scenario } from 'ipcscope';\nexport default scenario({ name: 'hang', setup() { let x = 0; while (x >= 0) x++; } });\n";
  await page.evaluate((src) => window.__ipcscope!.loadSource(src, 'hang.ts'), source);
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-kind', 'watchdog', {
    timeout: 15_000,
  });
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().source)).toBe(source);
  // The new worker works: the default scenario loads and runs again.
  await page.getByTestId('scenario-picker').selectOption('echo');
  await app.idle();
  expect((await app.state()).total).toBeGreaterThan(0);
});
