import { describe, expect, it } from 'vitest';
import { cacheName, isHashed, precacheKey } from './precache';

const scope = new URL('http://127.0.0.1:4173/');
const files = new Set(['index.html', 'embed-example.html', 'assets/index-B87D54Sl.js', 'sw.js']);
const key = (href: string, navigate = false) => precacheKey(new URL(href), scope, navigate, files);

describe('precacheKey', () => {
  it('answers a page with its query from the precached page', () => {
    expect(key('http://127.0.0.1:4173/?lesson=fastpath&step=2', true)).toBe('index.html');
    expect(key('http://127.0.0.1:4173/', true)).toBe('index.html');
    expect(key('http://127.0.0.1:4173/embed-example.html#x', true)).toBe('embed-example.html');
  });

  it('answers a script only by its exact path', () => {
    expect(key('http://127.0.0.1:4173/assets/index-B87D54Sl.js')).toBe('assets/index-B87D54Sl.js');
    expect(key('http://127.0.0.1:4173/assets/index-B87D54Sl.js?v=2')).toBeNull();
    expect(key('http://127.0.0.1:4173/assets/other.js')).toBeNull();
  });

  it('leaves other origins and paths outside the scope to the network', () => {
    expect(key('http://127.0.0.1:5000/index.html', true)).toBeNull();
    const sub = new URL('http://127.0.0.1:4173/app/');
    expect(precacheKey(new URL('http://127.0.0.1:4173/index.html'), sub, true, files)).toBeNull();
    expect(precacheKey(new URL('http://127.0.0.1:4173/app/'), sub, true, files)).toBe('index.html');
  });

  it('does not map an unknown page to the app', () => {
    expect(key('http://127.0.0.1:4173/missing.html', true)).toBeNull();
  });
});

describe('isHashed', () => {
  it('tells Vite’s content-hashed assets from files whose bytes change under one name', () => {
    expect(isHashed('assets/ts.worker-CVbFdYz4.js')).toBe(true);
    expect(isHashed('assets/codicon-DF1abBS2.ttf')).toBe(true);
    expect(isHashed('index.html')).toBe(false);
    expect(isHashed('icon-192.png')).toBe(false);
  });

  it('names a cache per build', () => {
    expect(cacheName('abc')).toBe('ipcscope-abc');
  });
});
