// The playground end to end (issue 6), in real Chromium against the built app. It assumes the app
// shows PlaygroundPanel (src/ui/views/editor/PlaygroundPanel.tsx) as its side panel: the panel is
// `data-testid="editor"`, its toolbar buttons are named Examples, Run, Reset, Share, Download .ts
// and Open file…, the share link appears in `data-testid="share-link"`, messages in
// `data-testid="playground-status"`, Monaco's markers in document.body.dataset.editorMarkers and
// the editor's text through window.__ipcscopeEditor. A share link in the hash opens the default
// scenario paused (startup.ts), so nothing runs until Run.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type {} from '../src/ui/views/editor/editorTestHook';
import { expect, test } from './fixtures';

interface Marker {
  owner: string;
  severity: string;
  line: number;
  message: string;
}

const CLIENT = `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'My pinger',
  description: 'A client typed in the playground calls an echo server.',
  machine: { platform: 'skylake-i7', cores: 1 },
  setup(k) {
    const ep = k.endpoint('echo');
    k.process('server', server, { priority: 200, caps: { ep: ep.cap() } });
    k.process('pinger', pinger, { priority: 100, caps: { ep: ep.cap({ badge: 5 }) } });
  },
});

function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: [m.words[0]! + 100] });
}

function* pinger(sys: Sys) {
  for (let i = 0; i < 3; i++) {
    const r = yield* sys.call('ep', { words: [i] });
    sys.log(\`pong \${r.words[0]}\`);
  }
}
`;

const editor = (page: Page) => page.getByTestId('editor');
const button = (page: Page, name: string) =>
  editor(page).getByRole('button', { name, exact: true });
const text = (page: Page) => page.evaluate(() => window.__ipcscopeEditor?.getValue() ?? null);
const markers = async (page: Page): Promise<Marker[]> =>
  JSON.parse((await page.evaluate(() => document.body.dataset.editorMarkers)) ?? '[]') as Marker[];

/**
 * Replaces the editor's text as a user would: select all, paste. (Typed text would be re-indented
 * by Monaco line by line; a paste arrives as it is.)
 */
async function typeScript(page: Page, source: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(editor(page).locator('.monaco-editor')).toBeVisible();
  // Focus as a click on the text would; the text area's middle may lie outside a narrow panel.
  await page.evaluate(() => window.__ipcscopeEditor!.focus());
  await page.evaluate((s) => navigator.clipboard.writeText(s), source);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => text(page)).toBe(source);
}

/** Messages the engine logged between two threads. */
async function messages(page: Page, from: string, to: string): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const s = window.__ipcscope!.store.getState();
      let n = 0;
      for (let i = 0; i < s.total; i++) {
        const e = window.__ipcscope!.event(i) as { type: string; from?: string; to?: string };
        if (e.type === 'messageTransferred' && e.from === a && e.to === b) n++;
      }
      return n;
    },
    [from, to],
  );
}

test('a client typed in the editor calls a server: its messages reach the timeline and the console', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1&speed=max');
  await typeScript(page, CLIENT);
  await expect(button(page, 'Run')).toBeEnabled();
  await button(page, 'Run').click();
  await app.idle();
  expect((await app.state()).stop?.reason).toBe('idle');
  expect(await messages(page, 'pinger', 'server')).toBe(3);
  expect(await messages(page, 'server', 'pinger')).toBe(3);
  await page.getByRole('tab', { name: /Console/ }).click();
  await expect(page.getByTestId('view-console')).toContainText('pong 102');
  expect(await markers(page)).toEqual([]);
});

test('a type error is marked at its line and blocks Run until it is fixed', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1&speed=max');
  await typeScript(page, CLIENT.replace('[i] });', "['one'] });"));
  await expect
    .poll(() => markers(page))
    .toContainEqual(
      expect.objectContaining({
        owner: 'typescript',
        severity: 'error',
        line: 21,
        message: expect.stringContaining("'string' is not assignable to type 'number'"),
      }),
    );
  await expect(button(page, 'Run')).toBeDisabled();
  await expect(page.getByTestId('playground-status')).toContainText('1 error: line 21');
  await typeScript(page, CLIENT);
  await expect(button(page, 'Run')).toBeEnabled();
});

test('an endless loop is stopped by the watchdog, marked at the loop, and the text stays', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  await app.open('?scenario=echo&paused=1&speed=max');
  const looping = CLIENT.replace('sys.log(`pong ${r.words[0]}`);', 'while (r.words[0]! > 0) {}');
  await typeScript(page, looping);
  await button(page, 'Run').click();
  await expect
    .poll(() => markers(page), { timeout: 30_000 })
    .toContainEqual(
      expect.objectContaining({
        owner: 'ipcscope',
        line: 22,
        message: expect.stringContaining('endless loop at line 22'),
      }),
    );
  await app.idle();
  expect((await app.state()).errors.map((e) => e.kind)).toContain('watchdog');
  expect(await text(page)).toBe(looping);
});

test('the text comes back after a reload', async ({ app, page }) => {
  await app.open('?scenario=echo&paused=1');
  const mine = CLIENT.replace('My pinger', 'Kept across reloads');
  await typeScript(page, mine);
  await page.reload();
  await page.waitForFunction(() => window.__ipcscope !== undefined);
  await expect.poll(() => text(page)).toBe(mine);
  await expect(page.getByTestId('playground-status')).toContainText('Restored your unsaved script');
});

test('a share link restores text, machine and seed in a fresh browser, and nothing runs until Run', async ({
  app,
  page,
  browser,
}) => {
  await app.open('?scenario=echo&paused=1&speed=max');
  await typeScript(page, CLIENT);
  await page.getByTestId('seed').fill('9');
  await page.getByTestId('seed').press('Enter');
  await app.idle();
  await button(page, 'Run').click();
  await app.idle();
  const sent = await page.evaluate(() => window.__ipcscope!.store.getState().config);
  await button(page, 'Share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#code\/[\w-]+$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link.replace(/^[^#]*#/, '/?speed=max#'));
  await fresh.waitForFunction(() => window.__ipcscope !== undefined);
  await expect.poll(() => text(fresh)).toBe(CLIENT);
  await expect(fresh.getByTestId('playground-status')).toContainText('Nothing has run');
  await fresh.evaluate(() => window.__ipcscope!.waitForIdle());
  expect(await fresh.evaluate(() => window.__ipcscope!.store.getState().running)).toBe(false);
  expect(await messages(fresh, 'pinger', 'server')).toBe(0);
  await fresh.getByTestId('editor').getByRole('button', { name: 'Run', exact: true }).click();
  await fresh.evaluate(() => window.__ipcscope!.waitForIdle());
  expect(await messages(fresh, 'pinger', 'server')).toBe(3);
  expect(await fresh.evaluate(() => window.__ipcscope!.store.getState().config)).toEqual(sent);
  await other.close();
});

test('a damaged link says so and leaves the current work as it was', async ({ app, page }) => {
  await app.open('?scenario=echo&paused=1');
  const mine = CLIENT.replace('My pinger', 'Work in progress');
  await typeScript(page, mine);
  await page.goto('/?paused=1#code/AAAA$$not-base64');
  await page.waitForFunction(() => window.__ipcscope !== undefined);
  await expect(page.getByTestId('playground-status')).toContainText(
    'The link is damaged: its text is not valid base64url',
  );
  await expect.poll(() => text(page)).toBe(mine);
});

test('opening an example asks first when the text has edits, and replaces it only on yes', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await typeScript(page, CLIENT);
  const pick = async () => {
    await button(page, 'Examples ▾').click();
    await page.getByRole('menuitem', { name: /^Cap fault caught by a fault handler/ }).click();
  };
  page.once('dialog', (d) => void d.dismiss());
  await pick();
  expect(await text(page)).toBe(CLIENT);
  page.once('dialog', (d) => void d.accept());
  await pick();
  await expect.poll(() => text(page)).toContain("from 'ipcscope'");
  expect(await text(page)).not.toBe(CLIENT);
  await app.idle();
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().scenarioId)).toBe(
    'cap-fault-handler',
  );
});

test('the script downloads as a .ts file, stays after a reload, and opens from a file', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await typeScript(page, CLIENT);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    button(page, 'Download .ts').click(),
  ]);
  expect(download.suggestedFilename()).toBe('echo.ts');
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toBe(CLIENT);
  await page.reload();
  await page.waitForFunction(() => window.__ipcscope !== undefined);
  await expect.poll(() => text(page)).toBe(CLIENT);
  const other = CLIENT.replace('My pinger', 'From a file');
  await editor(page)
    .locator('input[type="file"]')
    .setInputFiles({ name: 'mine.ts', mimeType: 'text/plain', buffer: Buffer.from(other) });
  await expect.poll(() => text(page)).toBe(other);
  await expect(page.getByTestId('playground-status')).toContainText('Opened mine.ts');
  await button(page, 'Run').click();
  await app.idle();
  expect(await page.evaluate(() => window.__ipcscope!.store.getState().scenario?.name)).toBe(
    'From a file',
  );
});
