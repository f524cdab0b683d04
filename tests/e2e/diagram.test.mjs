// The incident as a picture: the SVG timeline drawn from the draft, saved as a file, and put
// into the Markdown as a Mermaid block that follows the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const SHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
const { server, browser } = await startApp();
await mkdir(SHOTS, { recursive: true });

/** An outage with each milestone, shared with the core's diagram tests. */
const OUTAGE = await readFile(new URL('../../crates/postmortem/src/diagram/checkout_outage.md', import.meta.url), 'utf8');

for (const colorScheme of ['light', 'dark']) {
  test(`the diagram shows the window and each entry by its milestone (${colorScheme})`, async () => {
    const { context, page, problems } = await openPage(browser, server.url, { colorScheme, viewport: { width: 1280, height: 800 } });
    await page.getByTestId('editor').fill(OUTAGE);
    await page.getByTestId('tab-diagram').click();
    const diagram = page.getByTestId('diagram');
    await diagram.locator('svg').waitFor();
    assert.equal(await diagram.locator('.pm-marker').count(), 4);
    assert.equal(await diagram.locator('.pm-window').count(), 1);
    assert.deepEqual(await diagram.locator('text.pm-time').allTextContents(), ['14:08 UTC', '14:15 UTC', '14:20 UTC', '15:20 UTC']);
    const labels = await diagram.locator('text.pm-label').allTextContents();
    assert.deepEqual(labels.map((label) => label.split(':')[0]), ['detected', 'misleading path', 'escalated', 'resolved']);
    // Readable: the labels are drawn in the page's text colour, not black on a dark page.
    const [fill, background] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('text.pm-label')).fill,
      getComputedStyle(document.querySelector('.diagram')).backgroundColor,
    ]);
    assert.notEqual(fill, background);
    await page.getByTestId('diagram-pane').screenshot({ path: `${SHOTS}diagram-${colorScheme}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the diagram downloads as an SVG file that styles itself', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(OUTAGE);
  await page.getByTestId('tab-diagram').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagram-download').click()]);
  assert.equal(download.suggestedFilename(), 'checkout-outage-timeline.svg');
  const svg = await readFile(await download.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<style>.*prefers-color-scheme:dark/s);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Mermaid block goes into the timeline and follows it as the timeline changes', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(OUTAGE);
  await page.getByTestId('tab-diagram').click();
  await page.getByTestId('diagram-insert').click();
  const text = await page.getByTestId('editor').inputValue();
  assert.match(text, /- 15:20 UTC - Rolled back; the incident is resolved\.\n\n<!-- postmortem:diagram -->\n```mermaid\ntimeline\n/);
  assert.ok(text.indexOf('```mermaid') < text.indexOf('## Root Cause'));
  assert.equal(await page.getByTestId('diagram-insert').isDisabled(), true);

  // Typing a new entry in the Markdown: the block follows.
  const editor = page.getByTestId('editor');
  const entryEnd = text.indexOf('- 14:20 UTC');
  await editor.evaluate((element, at) => {
    element.focus();
    element.setSelectionRange(at, at);
  }, entryEnd);
  await page.keyboard.type('- 14:30 UTC - Payments on-call joined the call.\n');
  // The entry appears twice: in the list, and in the block (as "14∶30 UTC : …").
  await page.waitForFunction(() => /14∶30 UTC : .*Payments on-call joined the call\./.test(document.querySelector('#editor').value));
  const caret = await editor.evaluate((element) => element.selectionStart);
  assert.equal(caret, entryEnd + '- 14:30 UTC - Payments on-call joined the call.\n'.length, 'the caret stays where the typing is');
  assert.deepEqual(problems, []);
  await context.close();
});
