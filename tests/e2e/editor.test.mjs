// The editor end to end: type, see diagnostics, reload, download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const WITHOUT_TIMELINE = `# Checkout outage

## Issue Summary

From 14:05 to 15:20 UTC checkout failed for all users because of a bad deploy.

## Root Cause and Resolution

A bad deploy; we rolled it back.

## Corrective and Preventative Measures

- [ ] Add a canary stage to the deploy pipeline.
`;

test('typing a postmortem shows its diagnostics live', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(WITHOUT_TIMELINE);
  const missing = page.locator('[data-testid="diagnostic"][data-code="PM102"]');
  await missing.first().waitFor();
  assert.equal(await missing.count(), 1);
  assert.match(await missing.textContent(), /No `Timeline` section/);
  assert.match(await missing.textContent(), /^7:1/, 'points at the heading the timeline belongs before');
  assert.equal(await page.getByTestId('draft-title').textContent(), 'Checkout outage');

  await page.getByTestId('editor').press('End');
  await page.getByTestId('editor').pressSequentially('\n## Timeline\n\n- 14:05 UTC - An alert fired.\n');
  await page.waitForFunction(() => !document.querySelector('[data-testid="diagnostic"][data-code="PM102"]'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the draft is saved as you type and restored on reload', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(WITHOUT_TIMELINE);
  await page.reload();
  await page.getByTestId('editor').waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), WITHOUT_TIMELINE);
  assert.match(await page.getByTestId('save-status').textContent(), /Saved/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('download saves the draft as a Markdown file named after its title', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(WITHOUT_TIMELINE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'checkout-outage.md');
  assert.equal(await readFile(await download.path(), 'utf8'), WITHOUT_TIMELINE);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a corrupt stored draft is kept aside and reported, and the editor still works', async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.evaluate(() => localStorage.setItem('postmortem/v1/draft', '{not json'));
  await page.reload();
  await page.getByTestId('editor').waitFor();
  assert.match(await page.getByTestId('save-status').textContent(), /could not be read/);
  assert.equal(await page.evaluate(() => localStorage.getItem('postmortem/v1/draft.unreadable')), '{not json');
  await page.getByTestId('editor').fill('# Fresh start\n');
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('postmortem/v1/draft')).text), '# Fresh start\n');
  await context.close();
});
