import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPrecache, serviceWorkerSource } from './precachePlugin';

let dir = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipcscope-precache-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'assets', 'ts.worker-CVbFdYz4.js'), 'self.onmessage=null');
  fs.writeFileSync(path.join(dir, 'assets', 'ts.worker-CVbFdYz4.js.map'), '{}');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'old service worker');
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('listPrecache', () => {
  it('lists every built file but the service worker and source maps', () => {
    expect(listPrecache(dir).files).toEqual(['assets/ts.worker-CVbFdYz4.js', 'index.html']);
  });

  it('gives a new version when any file changes, and the same one otherwise', () => {
    const before = listPrecache(dir).version;
    expect(listPrecache(dir).version).toBe(before);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>new</title>');
    expect(listPrecache(dir).version).not.toBe(before);
  });
});

describe('serviceWorkerSource', () => {
  it('bundles the service worker into one script with the list in it', async () => {
    const precache = listPrecache(dir);
    const src = await serviceWorkerSource('src/ui/offline/serviceWorker.ts', precache);
    expect(src).toContain(precache.version);
    expect(src).toContain('assets/ts.worker-CVbFdYz4.js');
    expect(src).not.toMatch(/^\s*import\s/m);
    expect(src).not.toContain('__IPCSCOPE_PRECACHE__');
  });
});
