// A screenshot of every view, saved under test-results/screens/ and attached to the report.
import path from 'node:path';
import { test } from './fixtures';

const VIEWS = [
  'toolbar',
  'editor',
  'view-machine',
  'view-endpoints',
  'view-timeline',
  'view-inspector',
  'view-stats',
];
const TABS = ['lines', 'namespace', 'console', 'trace'];

test('a screenshot of each view', async ({ app, page }, info) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open('?scenario=exp-cross-core&platform=xeon-2s&cores=8&paused=1');
  await page.evaluate(() => window.__ipcscope!.store.getState().seek(1500));
  await app.idle();
  await app.press('Shift+ArrowRight');
  await app.press('Alt+ArrowRight');
  const save = async (name: string, locator = page.getByTestId(name)) => {
    const file = path.join('test-results', 'screens', `${name}.png`);
    await locator.screenshot({ path: file });
    await info.attach(name, { path: file, contentType: 'image/png' });
  };
  await save('app', page.locator('#root'));
  for (const v of VIEWS) await save(v);
  for (const t of TABS) {
    await page.getByTestId(`tab-${t}`).click();
    await save(`tab-${t}`, page.getByTestId('bottom-panel'));
  }
  await page.keyboard.press('?');
  await save('help');
  await page.keyboard.press('Escape');
  // The namespace view with a UX/RT scenario: mount tables, unions, file operations as hops.
  await app.open('?scenario=uxrt-union&speed=max');
  await page.getByTestId('tab-namespace').click();
  await page.getByTestId('file-ops').waitFor();
  await save('tab-namespace-uxrt', page.getByTestId('bottom-panel'));
  await save('app-uxrt', page.locator('#root'));
});
