// What the timeline and the machine view draw, and the limits the app now names (issue 14 items
// 3, 4, 5, 8, 9, 10, 11): the drawn spans put a kernel entry on the thread that made it, zoomed
// out a column shows the mix of modes, hover and click work, the timeline and cache-line rows
// answer the keyboard, 64 cores fit, a cut message and a deadlock are said in words.
import { expect, test, type AppPage } from './fixtures';

type Rows = Awaited<ReturnType<NonNullable<Window['__ipcscope']>['timelineSpans']>>;

const spans = (app: AppPage): Promise<Rows> =>
  app.page.evaluate(() => window.__ipcscope!.timelineSpans());

/** The client's first Call in echo: the kernel span it drew, and where on the canvas. */
async function clientCall(app: AppPage) {
  const call = await app.page.evaluate(() => {
    const h = window.__ipcscope!;
    const n = h.store.getState().total;
    for (let i = 0; i < n; i++) {
      const e = h.event(i) as { type: string; thread?: string; syscall?: string; t: number };
      if (e.type === 'syscallEntered' && e.thread === 'client' && e.syscall === 'Call') {
        for (let j = i + 1; j < n; j++) {
          const x = h.event(j) as { type: string; thread?: string; t: number };
          if (x.type === 'syscallExited' && x.thread === 'client') return { t0: e.t, t1: x.t };
        }
      }
    }
    return null;
  });
  expect(call).not.toBeNull();
  const rows = await spans(app);
  const client = rows.find((r) => r.kind === 'thread' && r.label === 'client')!;
  const server = rows.find((r) => r.kind === 'thread' && r.label === 'server')!;
  return { call: call!, client, server };
}

async function canvasPoint(app: AppPage, x: number, y: number) {
  const box = (await app.page.getByTestId('timeline-canvas').boundingBox())!;
  return { x: box.x + x, y: box.y + y };
}

test("echo: the client's Call is a kernel span on the client's row, none on the server's", async ({
  app,
}) => {
  await app.open('?scenario=echo&speed=max');
  const { call, client, server } = await clientCall(app);
  expect(client.spans).toContainEqual(
    expect.objectContaining({ mode: 'kernel', t0: call.t0, t1: call.t1 }),
  );
  expect(
    server.spans.filter((s) => s.mode === 'kernel' && s.t0 < call.t1 && s.t1 > call.t0),
  ).toEqual([]);
});

test('zoomed out, 32 cores that spin 44% of the time are drawn 44% spinning', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open('?scenario=exp-cross-core&platform=xeon-2s&cores=32&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(60_000));
  await app.idle();
  const m = await page.evaluate(() => {
    const h = window.__ipcscope!;
    let spin = 0;
    let all = 0;
    let narrow = 0;
    let n = 0;
    for (const r of h.timelineSpans().filter((r) => r.kind === 'core')) {
      for (const s of r.spans) {
        all += s.t1 - s.t0;
        if (s.mode === 'spinning') spin += s.t1 - s.t0;
        if (s.x1 - s.x0 < 1) narrow++;
        n++;
      }
    }
    let drawnSpin = 0;
    let drawn = 0;
    let mixed = 0;
    for (const r of h.timelineRects().filter((r) => r.kind === 'core')) {
      for (const x of r.rects) {
        drawn += x.w * x.share;
        if (x.mode === 'spinning') drawnSpin += x.w * x.share;
        if (x.share < 1) mixed++;
      }
    }
    return { spin: spin / all, drawn: drawnSpin / drawn, narrow: narrow / n, mixed };
  });
  // Zoomed out: most spans are narrower than a pixel, so columns hold several modes.
  expect(m.narrow).toBeGreaterThan(0.3);
  expect(m.mixed).toBeGreaterThan(0);
  expect(m.spin).toBeGreaterThan(0.3);
  expect(Math.abs(m.drawn - m.spin)).toBeLessThan(0.05);
});

test('hovering a span shows what it is; a click selects its event and thread', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&speed=max');
  const { call, client } = await clientCall(app);
  const span = client.spans.find((s) => s.mode === 'kernel' && s.t0 === call.t0)!;
  const at = await canvasPoint(app, (span.x0 + span.x1) / 2, client.y + client.h / 2);
  await page.mouse.move(at.x, at.y);
  const tip = page.getByTestId('timeline-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('client · kernel on core 0');
  await expect(tip).toContainText(`${call.t0.toLocaleString('en-US')} –`);
  await page.mouse.click(at.x, at.y);
  await app.idle();
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().selectedThread)).toBe(
    'client',
  );
  await expect(page.getByTestId('inspector-thread')).toHaveAttribute('data-thread', 'client');
  const index = Number(await page.getByTestId('inspector-event').getAttribute('data-index'));
  const e = await app.event(index);
  expect(e.t).toBe(call.t0);
  await expect(page.getByTestId('position-event')).toContainText(`#${index}`);
  await page.mouse.move(at.x, 2);
  await expect(tip).toHaveCount(0);
});

test('hovering a message arrow names the message', async ({ app, page }) => {
  await app.open('?scenario=echo&speed=max');
  const { call, client, server } = await clientCall(app);
  const span = client.spans.find((s) => s.mode === 'kernel' && s.t0 === call.t0)!;
  // The Call's arrow runs from the client's row to the server's at the entry's start.
  const at = await canvasPoint(app, span.x0, (client.y + server.y + server.h) / 2);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('timeline-tooltip')).toHaveAttribute('data-kind', 'message');
  await expect(page.getByTestId('timeline-tooltip')).toContainText('call: client → server');
});

test('the timeline takes the focus and the keyboard; the view follows the cursor', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&speed=max');
  const box = page.getByTestId('timeline-box');
  // Shift+Tab from the pane's collapse button (just after it) reaches the timeline, and its
  // focus ring shows.
  await page.getByTestId('collapse-timeline').focus();
  for (let i = 0; i < 6; i++) {
    if (await box.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Shift+Tab');
  }
  await expect(box).toBeFocused();
  expect(await box.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  const before = await app.state();
  await app.press('ArrowDown');
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().selectedThread)).toBe(
    'server',
  );
  // Arrows on the focused timeline pan or select: they do not step.
  expect((await app.state()).cursor).toBe(before.cursor);
  await app.press('Home');
  await app.press('+');
  await app.press('+');
  await app.press('+');
  const zoomed = (await page.evaluate(() => window.__ipcscope!.timelineView()))!;
  const fitted = await page.evaluate(() => window.__ipcscope!.store.getState().timeline!.end);
  expect(zoomed.t1 - zoomed.t0).toBeLessThan(fitted / 4);
  await app.press('Enter');
  // Enter goes to the selected thread's next event.
  expect((await app.state()).cursor).toBeGreaterThan(0);
  // The cursor moves past the zoomed range: the view pans to keep it in sight.
  await page.getByTestId('step-event').focus();
  await app.press('End');
  const t = (await app.event((await app.state()).cursor - 1)).t as number;
  const v = (await page.evaluate(() => window.__ipcscope!.timelineView()))!;
  expect(t).toBeGreaterThanOrEqual(v.t0);
  expect(t).toBeLessThanOrEqual(v.t1);
  expect(v.t1 - v.t0).toBeCloseTo(zoomed.t1 - zoomed.t0, 0);
});

test('cache-line rows take the focus: Enter selects, the arrows move between rows', async ({
  app,
  page,
}) => {
  await app.open('?scenario=exp-cross-core&platform=xeon-2s&cores=4&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(1500));
  await app.idle();
  await page.getByTestId('tab-lines').click();
  const rows = page.getByTestId('lines-table').locator('tbody tr[data-line]');
  const first = await rows.nth(0).getAttribute('data-line');
  const second = await rows.nth(1).getAttribute('data-line');
  await rows.nth(0).focus();
  await app.press('Enter');
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().selectedLine)).toBe(first);
  const cursor = (await app.state()).cursor;
  await app.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await app.press(' ');
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().selectedLine)).toBe(second);
  expect((await app.state()).cursor).toBe(cursor);
  expect((await app.state()).running).toBe(false);
});

test('a core spinning on the big lock reads "spinning" in the machine view', async ({
  app,
  page,
}) => {
  await app.open('?scenario=exp-cross-core&platform=xeon-2s&cores=32&paused=1');
  // Step until some core spins (the lock is contended from the first round of Calls on).
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(3000));
  await app.idle();
  const spinning = page.locator('[data-testid="core"][data-mode="spinning"]');
  expect(await spinning.count()).toBeGreaterThan(0);
  for (const card of await spinning.all()) await expect(card).toContainText('spinning');
  await expect(page.locator('[data-testid="core"][data-mode="idle"]').first()).not.toContainText(
    'spinning',
  );
});

test('64 cores fit the machine view: both sockets, every card, no label under an arrow', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open('?scenario=exp-cross-core&platform=epyc-2s&cores=64&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(3000));
  await app.idle();
  const panel = (await page.locator('.machine').boundingBox())!;
  const cards = page.getByTestId('view-machine').getByTestId('core');
  await expect(cards).toHaveCount(64);
  for (const b of await cards.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()))) {
    expect(b.left).toBeGreaterThanOrEqual(panel.x - 1);
    expect(b.right).toBeLessThanOrEqual(panel.x + panel.width + 1);
    expect(b.top).toBeGreaterThanOrEqual(panel.y - 1);
    expect(b.bottom).toBeLessThanOrEqual(panel.y + panel.height + 1);
  }
  await expect(page.locator('.group.socket')).toHaveCount(2);
  await expect(page.getByTestId('migration-arrows')).toHaveAttribute('data-grouped', 'true');
  expect(await page.locator('svg.arrows path.migration').count()).toBeGreaterThan(0);
  // What is on top at each card's label is the card itself, never an arrow.
  const covered = await cards.evaluateAll(
    (cs) =>
      cs.filter((c) => {
        const r = c.querySelector('.core-id')!.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !c.contains(top);
      }).length,
  );
  expect(covered).toBe(0);
  // Full size instead of fitted: the cards grow and the panel scrolls.
  await page.getByTestId('machine-fit').click();
  const w = (await cards.first().boundingBox())!.width;
  await page.getByTestId('machine-fit').click();
  expect((await cards.first().boundingBox())!.width).toBeLessThan(w);
});

test('the stats cards are not clipped at 1600 px wide', async ({ app, page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open('?scenario=exp-cross-core&platform=xeon-2s&cores=8&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(1500));
  await app.idle();
  const body = page.getByTestId('view-stats').locator('.panel-body');
  const edge = (await body.boundingBox())!;
  const kpis = page.getByTestId('view-stats').locator('.kpi');
  expect(await kpis.count()).toBeGreaterThan(3);
  for (const b of await kpis.evaluateAll((ks) => ks.map((k) => k.getBoundingClientRect()))) {
    expect(b.right).toBeLessThanOrEqual(edge.x + edge.width + 0.5);
  }
  const cut = await page
    .getByTestId('view-stats')
    .locator('.kpi-value')
    .evaluateAll((vs) => vs.filter((v) => v.scrollWidth > v.clientWidth + 1).length);
  expect(cut).toBe(0);
});

test('a message longer than 120 words is said to be cut, in the inspector and the console', async ({
  app,
  page,
}) => {
  await app.open('?scenario=slowpath-long-message&paused=1');
  await page.getByTestId('param-words').fill('130');
  await page.getByTestId('param-words').press('Enter');
  await app.idle();
  // To the Call's transfer, as Alt+→ from the start would go.
  await page.evaluate(() => {
    const h = window.__ipcscope!;
    const n = h.store.getState().total;
    for (let i = 0; i < n; i++) {
      if (h.event(i).type === 'messageTransferred') return h.store.getState().seek(i + 1);
    }
  });
  await app.idle();
  const e = await app.event((await app.state()).cursor - 1);
  expect(e).toMatchObject({ type: 'messageTransferred', length: 120, requested: 130 });
  await expect(page.getByTestId('truncation-notice')).toContainText(
    'client asked to send 130 message words; seL4 carries at most 120',
  );
  await page.getByTestId('tab-console').click();
  await expect(page.getByTestId('console-truncation').first()).toContainText(
    'message truncated: client asked to send 130',
  );
});

test('a multikernel client left waiting is a deadlock, named, not "finished"', async ({
  app,
  page,
}) => {
  await app.open('?scenario=slowpath-cross-core&kernel=multikernel&speed=max');
  const s = await app.state();
  expect(s.stop?.reason).toBe('idle');
  await expect(page.getByTestId('stop-reason')).toHaveText('deadlocked');
  await expect(page.getByTestId('deadlock-detail')).toContainText(
    /deadlocked: client blocked on \S+ with nobody to answer/,
  );
});

test('the position counter and the inspector number events alike', async ({ app, page }) => {
  await app.open('?scenario=echo&paused=1');
  await expect(page.getByTestId('position-event')).toContainText('before event #0');
  for (let i = 0; i < 3; i++) await app.press('ArrowRight');
  await expect(page.getByTestId('inspector-event')).toContainText('#2');
  await expect(page.getByTestId('position-event')).toContainText('event #2 of');
});
