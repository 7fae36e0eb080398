import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', 'artifacts', 'screenshots');

/**
 * Saves a screenshot as artifacts/screenshots/<spec>/<name>.png, kept after the run. Whole
 * pages by default; overlays (the menu) only the viewport, which is what a person sees of them.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const spec = path.basename(testInfo.file).replace(/\.spec\.ts$/, '');
  const fullPage = options.fullPage ?? true;
  await page.evaluate(async (toTop) => {
    await document.fonts.ready;
    // A sticky header would be drawn mid-page in a full-page picture of a scrolled page.
    if (toTop) window.scrollTo(0, 0);
  }, fullPage);
  await page.screenshot({ path: path.join(ROOT, spec, `${name}.png`), fullPage, animations: 'disabled', caret: 'initial' });
}
