// The debugger end to end, in real Chromium against the built app: semantic breakpoints with
// continue, reverse-continue, hit counts and a TypeScript condition; retroactive logpoints in the
// script editor; the run diff view; what-if forks and branches; call-chain attribution.
import { expect, test, type AppPage } from './fixtures';
import type {} from '../src/ui/views/editor/editorTestHook';
// The same scenario the worker's debugger tests use: senders queue up on ep.
import { QUEUE } from '../src/worker/testing/debugFixtures';

/** Put a script in the editor and load it, paused at its start. */
async function openScript(app: AppPage, source: string): Promise<void> {
  await app.open('?paused=1&speed=max');
  await app.page.evaluate((text) => {
    const s = window.__ipcscope!.store.getState();
    s.replaceDraft({ text, baseline: text, file: 'queue.ts', exampleId: null });
    s.loadDraft(undefined, { run: false });
  }, source);
  await app.idle();
}

/** Where ep first holds ≥ 2 queued senders, each time (event indices), over the whole run. */
async function twoSenderHits(app: AppPage): Promise<number[]> {
  return app.page.evaluate(() => {
    const h = window.__ipcscope!;
    const out: number[] = [];
    let was = false;
    for (let i = 0; i < h.store.getState().total; i++) {
      const e = h.event(i);
      if (e.type !== 'objectChanged' || e.object !== 'ep') continue;
      const now = e.state === 'send' && e.queue.length >= 2;
      if (now && !was) out.push(i);
      was = now;
    }
    return out;
  });
}

async function addQueueBreakpoint(app: AppPage): Promise<void> {
  const { page } = app;
  await app.press('7');
  await page.getByTestId('bp-kind').selectOption('endpointQueue');
  await page.getByTestId('bp-target').selectOption('ep');
  await page.getByTestId('bp-amount').fill('2');
  await page.getByTestId('bp-add').click();
  await app.idle();
}

test('a semantic breakpoint: continue to it, hit counts, reverse-continue, disable', async ({
  app,
  page,
}) => {
  await openScript(app, QUEUE);
  await addQueueBreakpoint(app);
  const row = page.getByTestId('bp-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('endpoint ep holds ≥ 2 queued senders');
  await expect(row.getByTestId('bp-hits')).toHaveText('hit 0');

  await page.getByTestId('continue').click();
  await app.idle();
  const first = await app.state();
  expect(first.stop?.reason).toBe('breakpoint');
  // What a person sees: the endpoint holds two queued senders, the counter, the hit count.
  const ep = page.locator('[data-testid="endpoint"][data-name="ep"]');
  await expect(ep).toHaveAttribute('data-state', 'send');
  expect((await ep.getAttribute('data-queue'))!.split(',')).toHaveLength(2);
  await expect(row.getByTestId('bp-hits')).toHaveText('hit 1');
  await expect(page.getByTestId('bp-stop')).toContainText('endpoint ep holds ≥ 2 queued senders');

  await app.press('c');
  const second = await app.state();
  expect(second.stop?.reason).toBe('breakpoint');
  expect(second.cursor).toBeGreaterThan(first.cursor);
  await expect(row.getByTestId('bp-hits')).toHaveText('hit 2');

  // Run to the end, then check every stop against a scan of the whole log.
  await page.getByTestId('bp-enabled').uncheck();
  await app.idle();
  await page.getByTestId('continue').click();
  await app.idle();
  expect((await app.state()).stop?.reason).toBe('idle');
  const hits = await twoSenderHits(app);
  expect(hits.slice(0, 2).map((h) => h + 1)).toEqual([first.cursor, second.cursor]);

  await page.getByTestId('bp-enabled').check();
  await app.idle();
  // Keys act when the focus is not in a field (the checkbox has it now).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.press('Shift+C');
  let s = await app.state();
  expect(s.stop?.reason).toBe('breakpoint');
  expect(s.cursor).toBe(hits[hits.length - 1]! + 1);
  await expect(row.getByTestId('bp-hits')).toHaveText(`hit ${hits.length}`);
  await page.getByTestId('reverse-continue').click();
  await app.idle();
  s = await app.state();
  expect(s.cursor).toBe(hits[hits.length - 2]! + 1);
  await expect(row.getByTestId('bp-hits')).toHaveText(`hit ${hits.length - 1}`);

  await row.getByTestId('bp-remove').click();
  await app.idle();
  await expect(row).toHaveCount(0);
});

test('a TypeScript condition: typed against the machine, stops where it turns true', async ({
  app,
  page,
}) => {
  await openScript(app, QUEUE);
  await app.press('7');
  await page.getByTestId('bp-kind').selectOption('expression');
  const editor = page.getByTestId('bp-form').getByTestId('condition-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  const typeIn = async (text: string) => {
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };
  // The editor knows the machine's types: a misspelt field is an error there.
  await typeIn('machine.endpoint.ep');
  await expect(editor).toHaveAttribute('data-errors', '1');
  await typeIn(
    "machine.threads.client3?.state === 'blockedOnReply' && machine.endpoints.ep?.state === 'send'",
  );
  await expect(editor).toHaveAttribute('data-errors', '0');
  await page.getByTestId('bp-add').click();
  await app.idle();
  await expect(page.getByTestId('bp-row')).toContainText('when machine.threads.client3?.state');
  await page.getByTestId('continue').click();
  await app.idle();
  expect((await app.state()).stop?.reason).toBe('breakpoint');
  const ep = page.locator('[data-testid="endpoint"][data-name="ep"]');
  await expect(ep).toHaveAttribute('data-state', 'send');
  await expect(page.getByTestId('bp-row').getByTestId('bp-hits')).toHaveText('hit 1');

  // A condition that throws is switched off with the error, where it threw.
  await page.getByTestId('bp-kind').selectOption('expression');
  await typeIn('machine.threads.nobody!.state === "running"');
  await page.getByTestId('bp-add').click();
  await app.idle();
  await page.getByTestId('continue').click();
  await app.idle();
  await expect(page.getByTestId('bp-problem')).toContainText('TypeError');
});

/** Click the editor's glyph margin beside a line of the script. */
async function clickGlyph(app: AppPage, line: number): Promise<void> {
  const editor = app.page.getByTestId('editor-pane');
  const number = editor.locator('.line-numbers', { hasText: new RegExp(`^${line}$`) });
  const margin = await editor.locator('.margin').boundingBox();
  const box = await number.boundingBox();
  await app.page.mouse.click(margin!.x + 6, box!.y + box!.height / 2);
}

test('a retroactive logpoint: its values in the console, each a link to its moment', async ({
  app,
  page,
}) => {
  await openScript(app, QUEUE);
  await app.press(' ');
  expect((await app.state()).stop?.reason).toBe('idle');
  const total = (await app.state()).total;
  const line = QUEUE.split('\n').findIndex((l) => l.includes('sys.compute(100 +')) + 1;
  await clickGlyph(app, line);
  await page.getByTestId('logpoint-input').fill('r.words[0] * 10');
  await page.getByTestId('logpoint-save').click();
  await app.idle();
  await expect(page.locator('body')).toHaveAttribute('data-logpoint-lines', String(line));
  await expect(page.getByTestId('editor-pane').locator('.logpoint-glyph')).toHaveCount(1);
  await app.press('3');
  const hits = page.getByTestId('logpoint-hit');
  // Three clients, three calls each: the server replies with the caller's badge.
  await expect(hits).toHaveCount(9);
  const values = await hits.locator('.text').allTextContents();
  expect([...new Set(values)].sort()).toEqual(['10', '20', '30']);
  // The run is the same run: as many events, and the cursor stays at its end.
  expect((await app.state()).total).toBe(total);

  const fourth = hits.nth(3);
  const index = Number(await fourth.getAttribute('data-index'));
  await fourth.click();
  await app.idle();
  expect((await app.state()).cursor).toBe(index);
  await expect(fourth).toHaveClass(/\bat\b/);

  // Remove it from the glyph margin again: the run is re-simulated without it.
  await clickGlyph(app, line);
  await page.getByTestId('logpoint-remove').click();
  await app.idle();
  await expect(page.getByTestId('logpoint-log')).toHaveCount(0);
  await expect(page.getByTestId('editor-pane').locator('.logpoint-glyph')).toHaveCount(0);
  expect((await app.state()).cursor).toBe(index);
});

test('a run diff: another platform, the first divergence with a jump to it, the summary table', async ({
  app,
  page,
}) => {
  await openScript(app, QUEUE);
  await app.press(' ');
  await app.press('8');
  await page.getByTestId('diff-b-platform').selectOption('epyc-2s');
  await page.getByTestId('diff-run').click();
  await app.idle();
  const result = page.getByTestId('diff-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('diff-head-a')).toContainText('A: xeon-2s');
  await expect(page.getByTestId('diff-head-b')).toContainText('B: epyc-2s');
  await expect(page.getByTestId('diff-chart').locator('line.diverge')).toHaveCount(2);
  const ipc = page.locator('[data-testid="diff-table"] tr[data-metric="cycles per IPC"] td');
  const [a, b] = [await ipc.nth(1).textContent(), await ipc.nth(2).textContent()];
  expect(Number(a!.replace(/\D/g, ''))).toBeGreaterThan(0);
  expect(a).not.toBe(b);
  await expect(page.locator('[data-testid="diff-threads"] tr[data-thread="server"]')).toHaveCount(
    1,
  );

  // Jump to the first divergence in A (the run on screen): only the cursor moves.
  const first = page.getByTestId('diff-first');
  const index = Number(await first.getAttribute('data-index'));
  const total = (await app.state()).total;
  await page.getByTestId('diff-first-jump-a').click();
  await app.idle();
  expect((await app.state()).cursor).toBe(index + 1);
  expect((await app.state()).total).toBe(total);
  await expect(page.getByTestId('inspector-event')).toHaveAttribute('data-index', String(index));
  const typeA = await page.getByTestId('inspector-event').getAttribute('data-type');
  expect(await first.locator('.diff-event').first().textContent()).toContain(`"type":"${typeA}"`);

  // In B: the app loads B's machine and lands at the same event there.
  await page.getByTestId('diff-first-jump-b').click();
  await app.idle();
  expect((await app.state()).cursor).toBe(index + 1);
  expect(await page.getByTestId('platform').inputValue()).toBe('epyc-2s');
  const typeB = await page.getByTestId('inspector-event').getAttribute('data-type');
  expect(await first.locator('.diff-event').nth(1).textContent()).toContain(`"type":"${typeB}"`);
});

/** QUEUE whose clients read the parameter `think` each time round (a fork can change it). */
const LIVE = QUEUE.replace(
  'yield* sys.compute(100 + r.words[0]);',
  'yield* sys.compute(k1.params.think + r.words[0]);',
)
  .replace(
    'function* client(sys: Sys) {',
    'let k1: { params: Record<string, number> };\nfunction* client(sys: Sys) {',
  )
  .replace('  setup(k) {', '  setup(k) {\n    k1 = k;')
  .replace('params: { busy: 20000, spread: 1 }', 'params: { busy: 20000, spread: 1, think: 100 }');

test('a what-if fork: a parameter changed at a paused moment, branches switched and diffed', async ({
  app,
  page,
}) => {
  await openScript(app, LIVE);
  await app.press(' ');
  const main = await app.state();
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(150));
  await app.idle();
  await app.press('9');
  await expect(page.getByTestId('branch-row')).toHaveCount(1);
  await page.getByTestId('fork-param-think').fill('50000');
  await page.getByTestId('fork-label').fill('slow clients');
  await page.getByTestId('fork').click();
  await app.idle();
  const rows = page.getByTestId('branch-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveAttribute('data-current', 'true');
  await expect(rows.nth(1)).toContainText('from main at event 150: think=50000 from event 150');
  expect((await app.state()).cursor).toBe(150);

  // The branch goes on differently: the clients think for longer, the run takes longer.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.press(' ');
  const slow = await app.state();
  expect(slow.stop?.reason).toBe('idle');
  const cycles = () => page.evaluate(() => window.__ipcscope!.store.getState().projection!.t);
  const slowCycles = await cycles();

  await rows.nth(0).getByTestId('branch-switch').click();
  await app.idle();
  await expect(rows.nth(0)).toHaveAttribute('data-current', 'true');
  const back = await app.state();
  expect([back.cursor, back.total]).toEqual([150, main.total]);

  await rows.nth(0).getByTestId('branch-pick').check();
  await rows.nth(1).getByTestId('branch-pick').check();
  await page.getByTestId('branch-diff').click();
  await app.idle();
  await expect(page.getByTestId('view-diff')).toBeVisible();
  await expect(page.getByTestId('diff-head-a')).toContainText('main');
  await expect(page.getByTestId('diff-head-b')).toContainText('slow clients');
  const index = Number(await page.getByTestId('diff-first').getAttribute('data-index'));
  expect(index).toBeGreaterThanOrEqual(150);
  const row = page.locator('[data-testid="diff-table"] tr[data-metric="cycles"] td');
  expect(Number((await row.nth(2).textContent())!.replace(/\D/g, ''))).toBe(slowCycles);
  // The jump in B switches to that branch and lands on the divergence.
  await page.getByTestId('diff-first-jump-b').click();
  await app.idle();
  await app.press('9');
  await expect(rows.nth(1)).toHaveAttribute('data-current', 'true');
  expect((await app.state()).cursor).toBe(index + 1);
});

test("the inspector attributes a call chain's cost to every server it reached", async ({
  app,
  page,
}) => {
  await openScript(app, QUEUE);
  await app.press(' ');
  await page.evaluate(() => window.__ipcscope!.store.getState().selectThread('client2'));
  const section = page.getByTestId('inspector-attribution');
  await expect(section).toHaveAttribute('data-root', 'client2');
  await section.getByTestId('attribution-run').click();
  await app.idle();
  const server = section.locator('tr[data-hop="server"]');
  await expect(server).toHaveAttribute('data-depth', '1');
  const cells = await server.locator('td').allTextContents();
  // Three calls served; imposed cycles at least the kernel cycles.
  expect(cells[1]).toBe('3');
  const imposed = Number(cells[2]!.replace(/\D/g, ''));
  const kernel = Number(cells[3]!.replace(/\D/g, ''));
  expect(kernel).toBeGreaterThan(0);
  expect(imposed).toBeGreaterThanOrEqual(kernel);
  // Earlier in the run the chain had imposed less.
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(200));
  await app.idle();
  await expect(section.getByTestId('attribution-run')).toHaveText('refresh (cursor moved)');
  await section.getByTestId('attribution-run').click();
  await app.idle();
  const early = Number(
    (await section
      .locator('tr[data-hop="server"] [data-testid="hop-imposed"]')
      .textContent())!.replace(/\D/g, ''),
  );
  expect(early).toBeLessThan(imposed);
});

test('the address keeps the moment: back and forward move through the stops, a link opens there', async ({
  app,
  page,
}) => {
  // A link to a moment of a built-in scenario opens paused there, with the thread selected.
  await app.open('?scenario=echo&speed=max&at=25&thread=client');
  const s = await app.state();
  expect([s.cursor, s.running, s.stop]).toEqual([25, false, null]);
  await expect(page.getByTestId('inspector-thread')).toHaveAttribute('data-thread', 'client');

  await openScript(app, QUEUE);
  await addQueueBreakpoint(app);
  await page.getByTestId('continue').click();
  await app.idle();
  const first = (await app.state()).cursor;
  await expect(page).toHaveURL(new RegExp(`[?&]at=${first}\\b.*bp=1`));
  await page.getByTestId('toolbar-continue').click();
  await app.idle();
  const second = (await app.state()).cursor;
  await expect(page).toHaveURL(new RegExp(`[?&]at=${second}\\b`));
  await page.goBack();
  await app.idle();
  expect((await app.state()).cursor).toBe(first);
  await expect(page.getByTestId('bp-row').getByTestId('bp-hits')).toHaveText('hit 1');
  await page.goForward();
  await app.idle();
  expect((await app.state()).cursor).toBe(second);
});
