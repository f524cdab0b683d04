// Share without a server, and print: a link that carries the whole draft in its fragment, and
// the preview printed as a clean report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';
import { sharedUrl } from '../support/shared.mjs';

const { server, browser } = await startApp();

const SEED = sharedUrl('seeds/004_72e51504661ad338.txt');
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

test('a share link carries the draft, never reaches the server, and opens as a new draft', async () => {
  const seed = (await readFile(SEED, 'utf8')).replaceAll('\r\n', '\n');
  const sender = await openPage(browser, server.url, CLIPBOARD);
  await sender.page.getByTestId('editor').fill(seed);
  await sender.page.getByTestId('more').click();
  await sender.page.getByTestId('share').click();
  await sender.page.getByTestId('notice-text').filter({ hasText: 'Link copied' }).waitFor();
  const link = await sender.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${server.url}#draft=`), link.slice(0, 80));
  assert.ok(link.length < seed.length, `compressed: ${link.length} characters for ${seed.length}`);
  await sender.context.close();

  const served = server.requests.length;
  const receiver = await openPage(browser, link);
  await receiver.page.getByTestId('notice-text').filter({ hasText: 'My First Postmortem' }).waitFor();
  assert.equal(receiver.page.url(), server.url, 'the fragment is cleared once read');
  await receiver.page.getByTestId('open-shared').click();
  assert.equal(await receiver.page.getByTestId('editor').inputValue(), seed);
  assert.equal(await receiver.page.getByTestId('draft').count(), 2, 'a new draft beside the first');
  assert.ok(server.requests.slice(served).every((url) => !url.includes('draft')), 'the draft never reached the server');
  assert.deepEqual(receiver.problems, []);
  await receiver.context.close();
});

test('a draft too long for a link is refused with what to do instead', async () => {
  const { context, page } = await openPage(browser, server.url, CLIPBOARD);
  // Text that does not compress: every line different.
  const lines = Array.from({ length: 1500 }, (_, n) => `- ${n.toString(36)} ${(n * 7919).toString(16)} ${(n * 104729).toString(36)}`);
  await page.getByTestId('editor').fill(`# Long\n\n${lines.join('\n')}\n`);
  await page.getByTestId('more').click();
  await page.getByTestId('share').click();
  const notice = page.getByTestId('notice-text').filter({ hasText: 'too long to share' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /Download it and send the file instead/);
  await context.close();
});

test('a damaged link says so and opens nothing', async () => {
  const { context, page, problems } = await openPage(browser, `${server.url}#draft=not!base64`);
  await page.getByTestId('notice-text').filter({ hasText: 'damaged' }).waitFor();
  assert.equal(await page.getByTestId('open-shared').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('printing gives the preview alone, on at most two pages', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill((await readFile(SEED, 'utf8')).replaceAll('\r\n', '\n'));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.getByTestId('preview').locator('h1').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.toolbar', '#drafts', '.editor-pane', '.checklist']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
  }
  assert.ok(await page.getByTestId('preview').isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.deepEqual(problems, []);
  await context.close();
});
