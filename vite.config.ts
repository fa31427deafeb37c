/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precachePlugin } from './scripts/precachePlugin.ts';

export default defineConfig({
  // precachePlugin: dist/sw.js, which keeps the whole build for offline use (README "Offline").
  plugins: [react(), precachePlugin('src/ui/offline/serviceWorker.ts')],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    // Some tests run every built-in scenario; a 2-core CI machine needs more than the default 5 s.
    testTimeout: 60_000,
  },
});
