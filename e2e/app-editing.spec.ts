// Nothing typed is lost (issue 14 items 1, 2 and 7): every way of replacing the editor's text
// asks first, fast typing keeps every character while the machine runs, and every run control
// runs the editor's text.
import type { Page } from '@playwright/test';
import type {} from '../src/ui/views/editor/editorTestHook';
import { expect, test } from './fixtures';

const editorText = (page: Page) => page.evaluate(() => window.__ipcscopeEditor?.getValue() ?? null);

/** Puts the cursor at the very end of the editor's text. */
async function toEnd(page: Page): Promise<void> {
  await expect(page.getByTestId('editor').locator('.monaco-editor')).toBeVisible();
  await page.evaluate(() => window.__ipcscopeEditor!.focus());
  await page.keyboard.press('ControlOrMeta+End');
}

async function appendLine(page: Page, line: string, delay = 0): Promise<void> {
  await toEnd(page);
  await page.keyboard.press('Enter');
  // Monaco may indent a new line; start from column 1 so the line is exactly what was typed.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(line, { delay });
}

test('the scenario dropdown asks before replacing edited text and keeps it when declined', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await appendLine(page, '// my precious edit');
  await expect.poll(() => editorText(page)).toContain('// my precious edit');
  const questions: string[] = [];
  page.once('dialog', (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await page.getByTestId('scenario-picker').selectOption('slowpath-cross-core');
  await app.idle();
  expect(questions).toHaveLength(1);
  expect(questions[0]).toMatch(/^Open ".+"\? It replaces the text in the editor/);
  await expect(page.getByTestId('scenario-picker')).toHaveValue('echo');
  expect(await editorText(page)).toContain('// my precious edit');
  // The autosave still holds the edit: a reload brings it back.
  await page.reload();
  await page.waitForFunction(() => window.__ipcscope !== undefined);
  await expect.poll(() => editorText(page)).toContain('// my precious edit');
  await expect(page.getByTestId('playground-status')).toContainText('Restored your unsaved script');
  // Agreeing replaces it; Ctrl+Z in the editor brings the old text back.
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('scenario-picker').selectOption('slowpath-cross-core');
  await app.idle();
  await expect.poll(() => editorText(page)).not.toContain('// my precious edit');
  await page.evaluate(() => window.__ipcscopeEditor!.focus());
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toContain('// my precious edit');
});

test('typing a 200-character line at 5 ms per key keeps every character while a run plays', async ({
  app,
  page,
}) => {
  await app.open('?scenario=exp-cross-core&speed=1000&paused=1');
  const words = 'the quick brown fox jumps over the lazy dog ';
  const line = `// ${words.repeat(5)}`.slice(0, 200);
  expect(line).toHaveLength(200);
  await page.evaluate(() => window.__ipcscope!.store.getState().run());
  await appendLine(page, line, 5);
  // The machine ran all along: the store changed under the typing.
  expect((await app.state()).running).toBe(true);
  await expect.poll(() => editorText(page)).toContain(`\n${line}`);
  const draft = await page.evaluate(() => window.__ipcscope!.store.getState().draft.text);
  expect(draft).toContain(`\n${line}`);
  await page.evaluate(() => window.__ipcscope!.store.getState().pause());
  await app.idle();
});

test('toolbar Run, Space and R run the editor text; Run after the end starts again', async ({
  app,
  page,
}) => {
  await app.open('?scenario=echo&paused=1');
  await appendLine(page, "// edited: the toolbar's Run must run this text");
  await page.getByTestId('speed').selectOption('max');
  await page.getByTestId('run').click();
  await app.idle();
  const loaded = () => page.evaluate(() => window.__ipcscope!.store.getState().source);
  expect(await loaded()).toContain("the toolbar's Run must run this text");
  const s = await app.state();
  expect(s.stop?.reason).toBe('idle');
  await expect(page.getByTestId('stop-reason')).toHaveText('finished');
  // At the end, Run starts over: the cursor goes back to the start and plays to the end again.
  await page.getByTestId('run').click();
  await app.idle();
  const again = await app.state();
  expect(again.stop?.reason).toBe('idle');
  expect(again.total).toBe(s.total);
  // R runs the editor's current text.
  await appendLine(page, '// second edit, run with R');
  await expect.poll(() => editorText(page)).toContain('second edit, run with R');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.press('r');
  // R hands the text to the worker; the store has it once the worker has loaded it.
  await expect.poll(loaded).toContain('second edit, run with R');
});

test('the bare address opens the default example paused, with a hint to press Run', async ({
  app,
  page,
}) => {
  await app.open('');
  const s = await app.state();
  expect(s.running).toBe(false);
  expect(s.cursor).toBe(0);
  await expect(page.getByTestId('run-hint')).toContainText('press ▶ Run');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-hint')).toHaveCount(0);
  await page.evaluate(() => window.__ipcscope!.store.getState().pause());
  await app.idle();
  expect((await app.state()).cursor).toBeGreaterThan(0);
});
