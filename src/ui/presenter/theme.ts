// The light and dark themes: chosen once from the system setting, then remembered in this browser.
import type { Theme } from '../lessons/teachingStore';

const KEY = 'ipcscope.theme';

export function initialTheme(search: string): Theme {
  const q = new URLSearchParams(search).get('theme');
  if (q === 'light' || q === 'dark') return q;
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be off (a locked-down iframe): fall back to the system setting.
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches
    ? 'light'
    : 'dark';
}

export function applyTheme(theme: Theme, remember: boolean): void {
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
}
