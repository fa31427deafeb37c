#!/usr/bin/env node
// The e2e step's preflight (`npm run test:e2e` runs it before the build): Playwright needs a
// Chromium, and without one it fails with a long stack trace that does not say what to install.
// This says it in one line and exits non-zero. The browsers it looks for are the ones
// playwright.config.ts uses: Debian's /usr/bin/chromium when it exists, else Playwright's own
// (the full browser, or the headless shell that `headless: true` runs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const MISSING_BROWSER =
  'e2e: Playwright has no Chromium to run the tests: install one with `apt-get install -y chromium` (Debian) or `npx playwright install chromium`, then run `npm test` again.';

/**
 * The paths where a usable Chromium may be, in the order the config prefers them.
 * @param {string | null} playwrightChromium chromium.executablePath(): where Playwright's own
 *   browser is when installed (PLAYWRIGHT_BROWSERS_PATH included), or null if it cannot say
 * @returns {string[]}
 */
export function browserCandidates(playwrightChromium) {
  const paths = [DEBIAN_CHROMIUM];
  if (playwrightChromium === null) return paths;
  paths.push(playwrightChromium);
  // <browsers>/chromium-<revision>/chrome-<os>/chrome: the headless shell of the same revision
  // sits beside it as <browsers>/chromium_headless_shell-<revision>/.
  const revisionDir = path.dirname(path.dirname(playwrightChromium));
  const m = /^chromium-(\d+)$/.exec(path.basename(revisionDir));
  if (m !== null) {
    paths.push(path.join(path.dirname(revisionDir), `chromium_headless_shell-${m[1]}`));
  }
  return paths;
}

/**
 * The first candidate that exists, or null.
 * @param {readonly string[]} candidates
 * @param {(p: string) => boolean} exists
 * @returns {string | null}
 */
export function findBrowser(candidates, exists) {
  return candidates.find((p) => exists(p)) ?? null;
}

/** @returns {Promise<string | null>} */
async function playwrightChromiumPath() {
  try {
    const { chromium } = await import('@playwright/test');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * @param {{ candidates: readonly string[], exists?: (p: string) => boolean,
 *   error?: (line: string) => void }} opts
 * @returns {number} the exit code
 */
export function preflight({ candidates, exists = fs.existsSync, error = console.error }) {
  if (findBrowser(candidates, exists) !== null) return 0;
  error(MISSING_BROWSER);
  return 1;
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  process.exitCode = preflight({ candidates: browserCandidates(await playwrightChromiumPath()) });
}
