// Files in and out: import by picker, drop and paste; refusals for binary, non-UTF-8 and huge
// files; copy to the clipboard; a backup of every draft exported and imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';
import { sharedUrl } from '../support/shared.mjs';

const { server, browser } = await startApp();

const SEED = sharedUrl('seeds/004_72e51504661ad338.txt');
const draftNames = (page) => page.getByTestId('draft-name').allTextContents();

test('a file chosen with the picker opens as a new draft', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const seed = await readFile(SEED, 'utf8');
  await page.getByTestId('import-file').setInputFiles(SEED.pathname);
  await page.waitForFunction((text) => document.querySelector('#editor').value === text, seed.replaceAll('\r\n', '\n'));
  assert.equal((await draftNames(page)).length, 2);
  assert.match(await page.getByTestId('notice-text').textContent(), /Imported “004_72e51504661ad338.txt”/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Dispatches a drop or paste of files made in the page. */
async function deliver(page, kind, files) {
  await page.evaluate(
    ({ kind, files }) => {
      const transfer = new DataTransfer();
      for (const { name, bytes } of files) transfer.items.add(new File([new Uint8Array(bytes)], name));
      const target = document.querySelector('.app');
      const event =
        kind === 'drop'
          ? new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
          : new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
    },
    { kind, files },
  );
}

const bytesOf = (text) => [...Buffer.from(text, 'utf8')];

test('a dropped file and a pasted file open as new drafts', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await deliver(page, 'drop', [{ name: 'dropped.md', bytes: bytesOf('# Dropped outage\n') }]);
  await page.waitForFunction(() => document.querySelector('#editor').value === '# Dropped outage\n');
  await deliver(page, 'paste', [{ name: 'pasted.md', bytes: bytesOf('# Pasted outage\n') }]);
  await page.waitForFunction(() => document.querySelector('#editor').value === '# Pasted outage\n');
  assert.deepEqual((await draftNames(page)).slice(0, 2), ['Pasted outage', 'Dropped outage']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('binary, non-UTF-8 and huge files are refused with a reason, and nothing typed is lost', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill('# Work in progress\n');
  const notice = page.getByTestId('notice-text');

  await deliver(page, 'drop', [{ name: 'diagram.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13] }]);
  await page.waitForFunction(() => /binary file/.test(document.querySelector('[data-testid="notice-text"]')?.textContent));

  await deliver(page, 'drop', [{ name: 'latin1.md', bytes: [0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a] }]);
  await page.waitForFunction(() => /not UTF-8/.test(document.querySelector('[data-testid="notice-text"]')?.textContent));

  // 10 MB, made in the page: refused by its size before it is read, and the page stays responsive.
  const started = Date.now();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(10 * 1024 * 1024).fill(97)], 'huge.md'));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  assert.match(await notice.textContent(), /“huge\.md” is 10 MB: too large/);
  await page.getByTestId('editor').press('End');
  await page.getByTestId('editor').pressSequentially('More.');
  assert.ok(Date.now() - started < 5000, 'the page kept responding');

  assert.equal(await page.getByTestId('editor').inputValue(), '# Work in progress\nMore.');
  assert.equal((await draftNames(page)).length, 1, 'no draft was made');
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy puts the Markdown on the clipboard', async () => {
  const { context, page, problems } = await openPage(browser, server.url, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await page.getByTestId('editor').fill('# Copied outage\n\nText.\n');
  await page.getByTestId('more').click();
  await page.getByTestId('copy').click();
  await page.getByTestId('notice-text').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '# Copied outage\n\nText.\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every draft goes into one backup file and comes back from it in another browser', async () => {
  const first = await openPage(browser, server.url);
  await first.page.getByTestId('editor').fill('# First outage\n');
  await first.page.getByTestId('new').click();
  await first.page.getByTestId('new-blank').click();
  await first.page.getByTestId('editor').fill('# Second outage\n');
  const [download] = await Promise.all([
    first.page.waitForEvent('download'),
    first.page.getByTestId('export-backup').click(),
  ]);
  assert.match(download.suggestedFilename(), /^postmortem-drafts-\d{4}-\d{2}-\d{2}\.json$/);
  // Read now: the browser context removes its downloads when it closes.
  const backup = await readFile(await download.path());
  assert.equal(JSON.parse(backup.toString('utf8')).drafts.length, 2);
  assert.deepEqual(first.problems, []);
  await first.context.close();

  const second = await openPage(browser, server.url);
  await second.page.getByTestId('import-file').setInputFiles({
    name: 'drafts.json',
    mimeType: 'application/json',
    buffer: backup,
  });
  await second.page.getByTestId('notice-text').filter({ hasText: 'Imported 2 drafts' }).waitFor();
  assert.deepEqual((await draftNames(second.page)).sort(), ['First outage', 'Second outage', 'Title: what broke, in a few words']);
  // Importing the same backup again adds nothing.
  await second.page.getByTestId('import-file').setInputFiles({
    name: 'drafts.json',
    mimeType: 'application/json',
    buffer: backup,
  });
  await second.page.getByTestId('notice-text').filter({ hasText: 'already here' }).waitFor();
  assert.equal((await draftNames(second.page)).length, 3);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});
