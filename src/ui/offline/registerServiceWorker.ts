// Offline use: the production build registers the service worker (serviceWorker.ts, written to
// dist/sw.js with its precache list by scripts/precachePlugin.ts) once the page has loaded, so
// keeping the build never competes with the first screen. Never in `vite` dev or tests, where
// modules change on every edit and there is no sw.js.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const url = `${import.meta.env.BASE_URL}sw.js`;
  const register = () => {
    navigator.serviceWorker.register(url).catch(() => {
      // Not allowed here (a private window, a sandboxed frame): the app still works online.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
