// The inspector's scheduling-context section on MCS (sel4-reference.md §1.9; seL4
// src/kernel/sporadic.c): at a moment of the run it lists exactly the refills the kernel's last
// refill event for that SC named, head first, with the ones whose time has come marked usable.
import { expect, test } from './fixtures';

test('the inspector shows an SC’s sporadic refill list as the kernel left it', async ({
  app,
  page,
}) => {
  await app.open('?scenario=mcs-sporadic-refills&speed=max');
  expect((await app.state()).stop?.reason).toBe('idle');
  // The first budget exhaustion: the sensor's long job ran out of budget mid-period.
  const at = await page.evaluate(() => {
    const { store } = window.__ipcscope!;
    const log = store.getState().log;
    let refilled = -1;
    for (let i = 0; i < log.length; i++) {
      const e = log.get(i);
      if (e.type === 'schedContextRefilled' && e.sc === 'sensor.sc') refilled = i;
      if (e.type === 'budgetExhausted' && e.thread === 'sensor') return { exhausted: i, refilled };
    }
    return null;
  });
  expect(at).not.toBeNull();
  expect(at!.refilled).toBeGreaterThanOrEqual(0);
  await page.evaluate((i) => window.__ipcscope!.store.getState().seek(i + 1), at!.exhausted);
  await app.idle();
  const refilled = await app.event(at!.refilled);
  const exhausted = await app.event(at!.exhausted);
  const now = exhausted.t as number;
  const refills = refilled.refills as { time: number; amount: number }[];
  expect(refills.length).toBeGreaterThan(0);

  const section = page.getByTestId('inspector-sc');
  await expect(section).toHaveAttribute('data-sc', 'sensor.sc');
  await expect(section.getByText('sporadic')).toBeVisible();
  const rows = page.getByTestId('sc-refills').locator('tbody tr');
  await expect(rows).toHaveCount(refills.length);
  for (const [i, r] of refills.entries()) {
    const row = rows.nth(i);
    await expect(row.locator('td').nth(1)).toHaveText(r.amount.toLocaleString('en-US'));
    await expect(row).toHaveAttribute('data-ready', r.time <= now ? 'yes' : 'no');
  }
  // Exhausted: nothing is usable until the release the event names, which lies in the future.
  expect(exhausted.until as number).toBeGreaterThan(now);
  await expect(section.getByText(`${refills.length} of at most 8 refills`)).toBeVisible();
});
