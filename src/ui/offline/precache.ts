// What the service worker keeps and how a request finds its copy, as pure functions so they are
// tested outside a browser. The list is the whole production build (scripts/precachePlugin.ts
// writes it into sw.js at build time): the app, Monaco and its web workers, the simulator's
// worker, lessons and examples (bundled into the app's scripts), icons and the embed example.

export interface Precache {
  /** A hash of every file's path and content: a new build is a new cache. */
  version: string;
  /** Paths relative to the service worker's scope, e.g. `index.html`, `assets/index-ab12.js`. */
  files: string[];
}

export const CACHE_PREFIX = 'ipcscope-';

export const cacheName = (version: string): string => `${CACHE_PREFIX}${version}`;

/**
 * A file whose name carries a content hash (Vite's `assets/name-HASH.ext`) has the same bytes
 * under the same name in every build, so a new version can take it from the old cache instead
 * of fetching it again.
 */
export function isHashed(file: string): boolean {
  return /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file);
}

/**
 * The precached file that answers a GET for `url`, or null to leave the request to the network.
 * A page (a navigation) is looked up without its query, since `?lesson=…&step=…` and the embed
 * parameters are read by the app, not the server; a directory means its index.html. Anything
 * else must match exactly: the build's files have no query strings.
 */
export function precacheKey(
  url: URL,
  scope: URL,
  navigate: boolean,
  files: ReadonlySet<string>,
): string | null {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  if (!navigate && url.search !== '') return null;
  let path = decodeURIComponent(url.pathname.slice(scope.pathname.length));
  if (navigate && (path === '' || path.endsWith('/'))) path += 'index.html';
  return files.has(path) ? path : null;
}
