// Offline use: the production build registers a service worker (public/sw.js, its precache list
// written at build time by scripts/precachePlugin.ts) that keeps every file of the build, Monaco
// and its workers included, so the app reloads with no network after one visit. Never in dev
// (the dev server's modules change on every edit), and `?sw=0` opts out.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (new URLSearchParams(window.location.search).get('sw') === '0') return;
  const url = `${import.meta.env.BASE_URL}sw.js`;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(url).catch(() => {
      // Without a service worker the app still works online; nothing to report to the user.
    });
  });
}
