import { describe, expect, it } from 'vitest';
import {
  browserCandidates,
  DEBIAN_CHROMIUM,
  findBrowser,
  MISSING_BROWSER,
  preflight,
} from './e2e.mjs';

const PLAYWRIGHT = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const SHELL = '/home/u/.cache/ms-playwright/chromium_headless_shell-1255';

describe('the e2e preflight', () => {
  it("looks where playwright.config.ts looks: Debian's chromium, then Playwright's browsers", () => {
    expect(browserCandidates(PLAYWRIGHT)).toEqual([DEBIAN_CHROMIUM, PLAYWRIGHT, SHELL]);
    expect(browserCandidates(null)).toEqual([DEBIAN_CHROMIUM]);
    expect(browserCandidates('/opt/chrome/chrome')).toEqual([
      DEBIAN_CHROMIUM,
      '/opt/chrome/chrome',
    ]);
  });

  it('finds any one of them', () => {
    const candidates = browserCandidates(PLAYWRIGHT);
    for (const present of [DEBIAN_CHROMIUM, PLAYWRIGHT, SHELL]) {
      expect(findBrowser(candidates, (p) => p === present)).toBe(present);
    }
    expect(findBrowser(candidates, () => false)).toBeNull();
  });

  it('with no browser, says in one line what to install and fails', () => {
    const lines: string[] = [];
    const code = preflight({
      candidates: browserCandidates(PLAYWRIGHT),
      exists: () => false,
      error: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines).toEqual([MISSING_BROWSER]);
    expect(MISSING_BROWSER).not.toContain('\n');
    expect(MISSING_BROWSER).toContain('apt-get install -y chromium');
    expect(MISSING_BROWSER).toContain('npx playwright install chromium');
  });

  it('with a browser, says nothing and passes', () => {
    const lines: string[] = [];
    const code = preflight({
      candidates: browserCandidates(PLAYWRIGHT),
      exists: (p) => p === PLAYWRIGHT,
      error: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(lines).toEqual([]);
  });
});
