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

test('the embed example page drives the app in its iframe through postMessage', async ({
  page,
}) => {
  await page.goto('/embed-example.html');
  // The handshake: the page says hello, the app answers ready with its state.
  await expect(page.locator('body[data-connected="true"]')).toBeAttached();
  const status = page.locator('#status');
  await expect(status).toHaveAttribute('data-scenario', 'echo');
  const inFrame = page.frame({ url: /embed=1/ })!;
  const appCursor = () => inFrame.evaluate(() => window.__ipcscope!.store.getState().cursor);

  await page.getByLabel('Event').fill('12');
  await page.getByRole('button', { name: 'Seek' }).click();
  await expect(status).toHaveAttribute('data-cursor', '12');
  expect(await appCursor()).toBe(12);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toHaveAttribute('data-cursor', '13');
  expect(await appCursor()).toBe(13);
  await expect(page.frameLocator('#app').getByTestId('stage-position')).toHaveText(
    /^event 13 of \d+/,
  );
  await expect(page.locator('#narration')).not.toHaveText('–');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(status).toHaveAttribute('data-cursor', '12');

  await page.getByLabel('Scenario').selectOption('bound-notification');
  await page.getByRole('button', { name: 'Load' }).click();
  await expect(status).toHaveAttribute('data-scenario', 'bound-notification');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status).toHaveText(/bound-notification: event (\d+) of \1, stopped \(idle\)/);
  expect(await appCursor()).toBeGreaterThan(10);
});

test('a lesson plays to its end, answering a prediction from the run', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open('?lesson=fastpath&speed=max');
  const lesson = page.getByTestId('lesson');
  const status = page.getByTestId('lesson-status');
  const next = page.getByTestId('lesson-next');
  const title = page.getByTestId('lesson-step-title');
  await expect(lesson).toContainText('step 1 of 6');
  await expect(title).toHaveText('The fastpath and its guards');
  await expect(status).toHaveText('Press Next to go on.');
  await next.click();
  await expect(title).toHaveText('The server waits first');
  await expect(status).toHaveText(/Reached event #\d+\. Press Next to go on\./);
  await expect(page.locator('[data-testid="endpoint"][data-name="echo"]')).toHaveAttribute(
    'data-state',
    'recv',
  );
  await next.click();
  await expect(page.getByTestId('lesson-step-title')).toHaveText(
    'Will the Call take the fastpath?',
  );
  await expect(status).toHaveText('Make your prediction: the run will answer it.');
  await page.getByTestId('choice').filter({ hasText: 'fast' }).click();
  await expect(page.getByTestId('answer')).toHaveText(
    'The run says: fast. ✓ Your prediction was right.',
  );
  const s = await app.state();
  expect(s.stop?.reason).not.toBe('error');
  expect(await app.event(s.cursor - 1)).toMatchObject({ type: 'syscallExited', path: 'fast' });
  const answer = page.getByTestId('answer');
  const predict = async (step: number, choice: string | null, expected: string) => {
    await next.click();
    await expect(lesson).toContainText(`step ${step} of 6`);
    await expect(status).toHaveText('Make your prediction: the run will answer it.');
    // No choice: Next reveals the answer all the same (a presenter's clicker).
    if (choice === null) await next.click();
    else await page.getByTestId('choice').filter({ hasText: choice }).click();
    await expect(answer).toHaveText(expected);
    await expect(status).toHaveText(/Press Next to go on/);
  };
  await predict(4, 'fast', 'The run says: slow. ✗ You predicted fast.');
  await predict(5, null, 'The run says: 1. (No prediction made.)');
  await predict(6, 'slow', 'The run says: slow. ✓ Your prediction was right.');
  await expect(next).toHaveText('Finish ✓');
  await next.click();
  await expect(page.getByTestId('lesson-done')).toBeVisible();
  await expect(status).toHaveText('Lesson complete.');
});

test('the light theme reaches the timeline canvas and the editor, and back', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&speed=max&theme=dark');
  await expect(page.locator('body[data-editor-ready="true"]')).toBeAttached();
  // The canvas's top-left pixel is its background; Monaco paints its own.
  const colours = () =>
    page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="timeline-canvas"]')!;
      const [r, g, b] = c.getContext('2d')!.getImageData(1, 1, 1, 1).data;
      const editor = document.querySelector('.monaco-editor .monaco-editor-background')!;
      return { canvas: `rgb(${r}, ${g}, ${b})`, editor: getComputedStyle(editor).backgroundColor };
    });
  const dark = { canvas: 'rgb(21, 27, 35)', editor: 'rgb(21, 27, 35)' };
  const light = { canvas: 'rgb(255, 255, 255)', editor: 'rgb(255, 255, 255)' };
  await expect.poll(colours).toEqual(dark);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(colours).toEqual(light);
  // Remembered: a reload without ?theme= opens light.
  await app.open('?scenario=echo&speed=max');
  await expect(page.locator('body[data-editor-ready="true"]')).toBeAttached();
  await expect.poll(colours).toEqual(light);
  await page.getByTestId('theme-toggle').click();
  await expect.poll(colours).toEqual(dark);
});
