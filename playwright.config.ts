import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const debianChromium = '/usr/bin/chromium';
// Several checkouts may run e2e at once on one machine: each picks its own port.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: fs.existsSync(debianChromium) ? debianChromium : undefined,
    },
    // The production build registers a service worker that downloads the whole build: only the
    // offline tests (e2e/teaching.spec.ts) allow it, so no other test pays for it or is served
    // from its cache.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Never reuse: a server already on the port may be serving another checkout's build.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
