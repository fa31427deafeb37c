// Teaching and demos end to end in Chromium: lessons, narration, keyboard-only use, an
// accessibility scan, presenter keys, the embed example driving the app by postMessage, and the
// production build working with the network cut after one visit.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type {} from '../src/ui/views/editor/editorTestHook';
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
    // A lesson link, presented with a clicker, still with no network.
    await page.goto('/?lesson=fastpath&present=1');
    await page.waitForFunction(() => window.__ipcscope !== undefined);
    await expect(page.getByTestId('presenter-bar')).toContainText('The fastpath and its guards');
    await expect(page.getByTestId('lesson-status')).toHaveText('Press Next to go on.');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('lesson-step-title')).toHaveText('The server waits first');
    await expect(page.getByTestId('lesson-status')).toHaveText(/Press Next to go on/);
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

test('the narration tells a known step in words, and the live region says it', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await app.press('5');
  const now = page.getByTestId('narration-current');
  await expect(now).toHaveText('Nothing has happened yet: step or run to start.');
  // Two kernel entries: the server's Recv, then the client's first Call.
  await app.press('Shift+ArrowRight');
  await app.press('Shift+ArrowRight');
  expect((await app.state()).cursor).toBe(16);
  await expect(now).toHaveText(
    'core 0: client Calls ep. server was already waiting in Recv on this core, the message ' +
      'fits in the message registers with no caps, and server may run ahead of everything ' +
      'ready, so the fastpath applies (§1.7). The message (label 1, 1 word, badge 7) goes to ' +
      'server, and the kernel gives server a one-shot reply capability to client (§1.5); ' +
      'client now waits for the reply; server becomes runnable. 385 cycles.',
  );
  const live = page.getByTestId('live-narration');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(/^core 0: client Calls ep\. .*so the fastpath applies/);
  // The log keeps the earlier line, newest first, and a line takes the cursor back to it.
  const log = page.getByRole('list', { name: 'What happened, newest first' });
  await expect(log.getByRole('button')).toHaveCount(3);
  await log.getByRole('button', { name: /server waits in Recv on ep/ }).click();
  await app.idle();
  expect((await app.state()).cursor).toBe(9);
});

/** Tab (at most 30 times) until the focused element has this text; it must show its focus. */
async function tabTo(page: Page, text: string) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) {
      await expect(page.locator(':focus-visible')).toHaveText(text);
      return;
    }
  }
  throw new Error(`Tab never reached '${text}'`);
}

test('a lesson done with the keyboard only, from the lessons menu to its end', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open('?scenario=echo&paused=1');
  await app.press('l');
  const menu = page.getByTestId('lessons-menu');
  await expect(menu).toBeVisible();
  await tabTo(page, 'The fastpath and its guards');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const title = page.getByTestId('lesson-step-title');
  const status = page.getByTestId('lesson-status');
  // Focus follows the step: its heading, so a screen reader announces it.
  await expect(title).toBeFocused();
  await expect(title).toHaveText('The fastpath and its guards');
  await expect(status).toHaveText('Press Next to go on.');
  await page.keyboard.press('PageDown');
  await expect(title).toHaveText('The server waits first');
  await expect(title).toBeFocused();
  await expect(status).toHaveText(/Press Next to go on/);
  await page.keyboard.press('PageDown');
  await expect(status).toHaveText('Make your prediction: the run will answer it.');
  await tabTo(page, 'fast');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('answer')).toHaveText(
    'The run says: fast. ✓ Your prediction was right.',
  );
  // Back and forth with the clicker keys keeps the step's answer.
  await page.keyboard.press('PageUp');
  await expect(title).toHaveText('The server waits first');
  await expect(status).toHaveText(/Press Next to go on/);
  await page.keyboard.press('PageDown');
  await expect(status).toHaveText('Make your prediction: the run will answer it.');
  await tabTo(page, 'fast');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).toContainText('The run says: fast.');
  for (const [step, choice] of [
    [4, 'slow'],
    [5, '1'],
    [6, 'slow'],
  ] as const) {
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('lesson')).toContainText(`step ${step} of 6`);
    await expect(status).toHaveText('Make your prediction: the run will answer it.');
    await tabTo(page, choice);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('answer')).toContainText('✓ Your prediction was right.');
  }
  await tabTo(page, 'Finish ✓');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-done')).toBeVisible();
  await app.press('l');
  await expect(page.getByTestId('lesson-fastpath')).toContainText('✓ done');
  await expect(page.getByTestId('lesson-fastpath')).toContainText('predictions 5/5');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

test('presenter keys: P, PageDown / PageUp through a lesson, . plays and pauses', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await app.press('p');
  const bar = page.getByTestId('presenter-bar');
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('toolbar')).toBeHidden();
  // Large type: the narration strip's lines, as drawn, are far taller than the app's 12 px text.
  const lineHeight = await page.getByTestId('stage-narration').evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return r.getClientRects()[0]!.height;
  });
  expect(lineHeight).toBeGreaterThanOrEqual(24);
  await expect(bar.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
  // Without a lesson PageDown / PageUp step by kernel entry.
  await app.press('PageDown');
  expect((await app.state()).cursor).toBe(7);
  await app.press('PageDown');
  expect((await app.state()).cursor).toBe(16);
  await app.press('PageUp');
  expect((await app.state()).cursor).toBe(7);
  // '.' plays and pauses (a clicker's blank-screen key).
  const play = page.getByTestId('stage-run');
  await page.keyboard.press('.');
  await expect(play).toHaveText('❚❚ Pause');
  await page.keyboard.press('.');
  await expect(play).toHaveText('▶ Play');
  await app.idle();
  expect((await app.state()).running).toBe(false);
  await app.press('p');
  await expect(bar).toBeHidden();

  // A lesson link in presenter mode: the clicker walks its steps.
  await app.open('?lesson=fastpath&present=1');
  await expect(bar).toContainText('presenting · The fastpath and its guards');
  const title = page.getByTestId('lesson-step-title');
  const status = page.getByTestId('lesson-status');
  await expect(title).toHaveText('The fastpath and its guards');
  await expect(status).toHaveText('Press Next to go on.');
  await page.keyboard.press('PageDown');
  await expect(title).toHaveText('The server waits first');
  await expect(status).toHaveText(/Press Next to go on/);
  await page.keyboard.press('PageDown');
  await expect(title).toHaveText('Will the Call take the fastpath?');
  await expect(status).toHaveText('Make your prediction: the run will answer it.');
  // No prediction from a clicker: PageDown reveals the answer from the run.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('answer')).toHaveText('The run says: fast. (No prediction made.)');
  await page.keyboard.press('PageUp');
  await expect(title).toHaveText('The server waits first');
  // The address follows the step, so the link opens where the presenter is.
  await expect(page).toHaveURL(/[?&]lesson=fastpath&/);
  await expect(page).toHaveURL(/[?&]step=2(&|$)/);
});

/** Serious and critical accessibility violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious accessibility violations on the main screens, dark and light', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  for (const theme of ['dark', 'light']) {
    await app.open(`?scenario=slowpath-cross-core&speed=max&theme=${theme}`);
    await expect(page.locator('body[data-editor-ready="true"]')).toBeAttached();
    expect(await seriousViolations(page), `main screen, ${theme}`).toEqual([]);
    await app.press('5');
    expect(await seriousViolations(page), `narration tab, ${theme}`).toEqual([]);
    await app.press('4');
    expect(await seriousViolations(page), `trace tab, ${theme}`).toEqual([]);
    await app.press('1');
    expect(await seriousViolations(page), `cache lines tab, ${theme}`).toEqual([]);
    await app.press('?');
    expect(await seriousViolations(page), `help, ${theme}`).toEqual([]);
    await app.press('Escape');
    await app.press('l');
    expect(await seriousViolations(page), `lessons menu, ${theme}`).toEqual([]);
    await page.keyboard.press('Escape');
    await app.open(`?scenario=uxrt-cat&speed=max&theme=${theme}`);
    for (const [key, tab] of [
      ['2', 'namespace'],
      ['3', 'console'],
      ['6', 'sweep'],
    ]) {
      await app.press(key!);
      expect(await seriousViolations(page), `${tab} tab, ${theme}`).toEqual([]);
    }
    await app.open(`?lesson=fastpath&step=3&theme=${theme}`);
    await expect(page.getByTestId('predict')).toBeVisible();
    expect(await seriousViolations(page), `lesson, ${theme}`).toEqual([]);
    await app.open(`?lesson=fastpath&present=1&theme=${theme}`);
    expect(await seriousViolations(page), `presenter, ${theme}`).toEqual([]);
    await app.open(`?embed=1&scenario=echo&views=machine,timeline,narration&theme=${theme}`);
    expect(await seriousViolations(page), `embedded, ${theme}`).toEqual([]);
  }
  await page.goto('/embed-example.html');
  await expect(page.locator('body[data-connected="true"]')).toBeAttached();
  expect(await seriousViolations(page), 'embed example page').toEqual([]);
});

test('a lesson plays its own scenario and gives the editor back with the edits made before', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await expect(page.locator('body[data-editor-ready="true"]')).toBeAttached();
  await page.evaluate(() => window.__ipcscopeEditor!.focus());
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// my note before the lesson\n');
  await page.getByTestId('open-lessons').click();
  await page.getByRole('link', { name: 'The fastpath and its guards' }).click();
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-status')).toHaveText(/Press Next to go on/);
  // The run is the lesson's scenario, not the edited text.
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().scenarioId)).toBe('echo');
  await page.getByRole('button', { name: 'Close the lesson' }).click();
  await expect(page.locator('body[data-editor-ready="true"]')).toBeAttached();
  await expect
    .poll(() => page.evaluate(() => window.__ipcscopeEditor?.getValue() ?? ''))
    .toContain('// my note before the lesson');
});
