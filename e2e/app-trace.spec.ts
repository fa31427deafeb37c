// The Trace tab finds events and the run downloads as the CLI writes it (issue 14 item 13).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

test('a filtered trace lists only the matching events', async ({ app, page }) => {
  await app.open('?scenario=echo&speed=max');
  await page.getByTestId('tab-trace').click();
  await page.getByTestId('trace-filter-type').selectOption('messageTransferred');
  const rows = page.getByTestId('view-trace').locator('.trace-row');
  await expect(rows.first()).toBeVisible();
  const types = await rows.locator('.ttype').allTextContents();
  expect(types.length).toBeGreaterThan(1);
  expect(new Set(types)).toEqual(new Set(['messageTransferred']));
  await page.getByTestId('trace-filter-thread').selectOption('server');
  await page.getByTestId('trace-filter-text').fill('no event says this');
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('trace-matches')).toHaveText('0 matching');
});

test('the downloaded trace and JSON lines equal what the CLI writes for the same run', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await app.open('?scenario=echo&speed=max');
  await page.getByTestId('tab-trace').click();
  const dir = mkdtempSync(path.join(tmpdir(), 'ipcscope-e2e-'));
  for (const format of ['trace', 'events'] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`download-${format}`).click(),
    ]);
    const got = path.join(dir, `app-${format}`);
    await download.saveAs(got);
    const cli = path.join(dir, `cli-${format}`);
    execFileSync('node', ['bin/ipcscope.mjs', 'run', 'src/scenarios/echo.ts', `--${format}`, cli], {
      stdio: 'ignore',
    });
    const text = readFileSync(got, 'utf8');
    expect(text.split('\n').length, format).toBeGreaterThan(20);
    expect(text, format).toBe(readFileSync(cli, 'utf8'));
  }
  await expect(page.getByTestId('view-trace')).toContainText('ui.perfetto.dev');
});
