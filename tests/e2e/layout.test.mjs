// What a person sees: the page at 1280x800 and 390x844, light and dark. Screenshots go to
// target/screenshots/ to be looked at; the assertions catch what a glance would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';
import { sharedUrl } from '../support/shared.mjs';

const SHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
const SEED = sharedUrl('seeds/004_72e51504661ad338.txt');

const { server, browser } = await startApp();
await mkdir(SHOTS, { recursive: true });

const overflowsHorizontally = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

for (const colorScheme of ['light', 'dark']) {
  test(`wide screen, ${colorScheme}: drafts, editor and checks side by side`, async () => {
    const { context, page, problems } = await openPage(browser, server.url, {
      viewport: { width: 1280, height: 800 },
      colorScheme,
    });
    await page.getByTestId('editor').fill(await readFile(SEED, 'utf8'));
    await page.locator('[data-testid="diagnostic"]').first().waitFor();
    for (const pane of ['#drafts', '.editor-pane', '.side-pane']) {
      assert.ok(await page.locator(pane).isVisible(), `${pane} is visible`);
    }
    const [drafts, editor, side] = await Promise.all(
      ['#drafts', '.editor-pane', '.side-pane'].map((pane) => page.locator(pane).boundingBox()),
    );
    assert.ok(drafts.x + drafts.width <= editor.x && editor.x + editor.width <= side.x, 'three columns');
    assert.equal(await overflowsHorizontally(page), false);
    await page.screenshot({ path: `${SHOTS}wide-${colorScheme}.png` });
    await page.getByTestId('tab-form').click();
    await page.getByTestId('form-row').first().waitFor();
    assert.equal(await overflowsHorizontally(page), false);
    await page.screenshot({ path: `${SHOTS}wide-form-${colorScheme}.png` });
    await page.getByTestId('tab-markdown').click();

    // The drafts list collapses, and the editor takes the room.
    await page.getByTestId('drafts-toggle').click();
    assert.equal(await page.locator('#drafts').isVisible(), false);
    assert.ok((await page.locator('.editor-pane').boundingBox()).width > editor.width);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`phone, ${colorScheme}: one pane at a time behind tabs`, async () => {
    const { context, page, problems } = await openPage(browser, server.url, {
      viewport: { width: 390, height: 844 },
      colorScheme,
      isMobile: true,
      hasTouch: true,
    });
    await page.getByTestId('editor').fill(await readFile(SEED, 'utf8'));
    assert.equal(await overflowsHorizontally(page), false);
    await page.screenshot({ path: `${SHOTS}phone-editor-${colorScheme}.png` });
    await page.getByTestId('tab-form').click();
    await page.getByTestId('form-row').first().waitFor();
    assert.equal(await overflowsHorizontally(page), false, 'the form fits a phone');
    await page.screenshot({ path: `${SHOTS}phone-form-${colorScheme}.png` });
    await page.getByTestId('tab-markdown').click();
    assert.equal(await page.locator('.side-pane').isVisible(), false);

    await page.getByTestId('pane-checks').click();
    await page.locator('[data-testid="diagnostic"]').first().waitFor();
    assert.equal(await page.locator('.editor-pane').isVisible(), false);
    assert.equal(await overflowsHorizontally(page), false);
    await page.screenshot({ path: `${SHOTS}phone-checks-${colorScheme}.png` });

    await page.getByTestId('pane-drafts').click();
    assert.ok(await page.locator('#drafts').isVisible());
    await page.screenshot({ path: `${SHOTS}phone-drafts-${colorScheme}.png` });

    // Opening a draft goes back to the editor.
    await page.getByTestId('draft').first().locator('.draft-open').click();
    assert.ok(await page.locator('.editor-pane').isVisible());
    assert.deepEqual(problems, []);
    await context.close();
  });
}
