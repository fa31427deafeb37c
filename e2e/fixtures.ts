// Shared e2e fixtures: every test fails on a console error or a request that leaves 127.0.0.1,
// and gets helpers that wait on the app's idle signal (never on fixed sleeps).
import { test as base, expect, type Page } from '@playwright/test';
import type {} from '../src/ui/testHooks';

export interface AppPage {
  page: Page;
  open(query?: string): Promise<void>;
  idle(): Promise<void>;
  state(): Promise<{
    cursor: number;
    total: number;
    running: boolean;
    stop: { reason: string; detail: string } | null;
    errors: { kind: string; message: string }[];
  }>;
  event(
    index: number,
  ): Promise<Record<string, unknown> & { type: string; core: number; seq: number }>;
  press(key: string): Promise<void>;
}

export const test = base.extend<{ app: AppPage; problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
          problems.push(`request left 127.0.0.1: ${r.url()}`);
        }
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    const app: AppPage = {
      page,
      async open(query = '') {
        await page.goto(`/${query}`);
        await page.waitForFunction(() => window.__ipcscope !== undefined);
        await app.idle();
      },
      idle: () => page.evaluate(() => window.__ipcscope!.waitForIdle()),
      state: () =>
        page.evaluate(() => {
          const s = window.__ipcscope!.store.getState();
          return {
            cursor: s.cursor,
            total: s.total,
            running: s.running,
            stop: s.stop,
            errors: s.errors.map((e) => ({ kind: e.kind, message: e.message })),
          };
        }),
      event: (i) => page.evaluate((n) => window.__ipcscope!.event(n) as never, i),
      async press(key) {
        await page.keyboard.press(key);
        await app.idle();
      },
    };
    await use(app);
  },
});

export { expect };
