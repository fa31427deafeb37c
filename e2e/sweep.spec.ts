// The Sweep tab (issue 13 item 5): a small grid runs in the browser's worker pool, lands on a
// line chart (one line per platform, one point per core count) and a table, and a point opens
// that configuration in the main views.
import { expect, test } from './fixtures';

test('a sweep runs in the browser, draws its chart, and a point opens that run', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('?scenario=echo&paused=1');
  await app.press('6');
  const view = page.getByTestId('view-sweep');
  await expect(view).toBeVisible();

  // echo opens on skylake-i7 with 1 core: add haswell-i7 and sweep 1 and 2 cores.
  await page.getByTestId('sweep-platforms').locator('summary').click();
  await page.getByTestId('sweep-platform-haswell-i7').check();
  await page.getByTestId('sweep-platforms').locator('summary').click();
  await page.getByTestId('sweep-cores').fill('1,2');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('sweep-status')).toContainText('4 of 4');

  const chart = page.getByTestId('sweep-chart');
  await expect(chart).toBeInViewport({ ratio: 1 });
  await expect(chart.getByTestId('sweep-series')).toHaveCount(2);
  await expect(chart.getByTestId('sweep-point')).toHaveCount(4);
  await expect(chart.getByTestId('sweep-legend')).toHaveText(['haswell-i7', 'skylake-i7']);
  await expect(chart).toContainText('cores');
  await expect(chart).toContainText('messages per second (msg/s)');
  await page.getByTestId('sweep-show-table').click();
  await expect(page.getByTestId('sweep-row')).toHaveCount(4);
  await expect(page.getByTestId('sweep-row').first()).toContainText('haswell-i7');
  await page.getByTestId('sweep-show-chart').click();
  await expect(page.getByTestId('sweep-cli')).toContainText(
    'npx ipcscope sweep echo.ts --platform haswell-i7,skylake-i7 --kernel smp --param calls=3 --cores 1,2',
  );

  const point = chart.locator('[data-testid="sweep-point"][aria-label^="haswell-i7 smp 2 cores"]');
  await expect(point).toHaveCount(1);
  await page.screenshot({ path: 'test-results/sweep-1280x800.png' });
  await point.click();
  await app.idle();
  await expect(page.getByTestId('platform')).toHaveValue('haswell-i7');
  await expect(page.getByTestId('cores')).toHaveValue('2');
  await expect(page.getByTestId('kernel')).toHaveValue('smp');
  await expect(page.locator('[data-testid="core"]')).toHaveCount(2);
  await expect(point).toHaveClass(/opened/);
  const s = await app.state();
  expect(s.errors).toEqual([]);
  expect(s.total).toBeGreaterThan(0);
});

test('a running sweep shows its progress and stops on Cancel, keeping the points done', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('?scenario=exp-smp-pingpong&paused=1');
  await page.getByTestId('tab-sweep').click();
  await page.getByTestId('sweep-cores').fill('1,2,3,4,5,6,7,8');
  await page.getByTestId('sweep-values').fill('500,4000');
  await page.getByTestId('sweep-run').click();
  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(status).toContainText(/\b[1-9]\d* of 16 points/);
  await expect(status).toContainText('left');
  await page.getByTestId('sweep-cancel').click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  await expect(status).toContainText('cancelled');
  const points = await page.getByTestId('sweep-point').count();
  expect(points).toBeGreaterThan(0);
  expect(points).toBeLessThan(16);
  await expect(page.getByTestId('sweep-run')).toBeEnabled();
});
