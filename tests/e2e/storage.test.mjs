// Storage faults lose nothing: a full quota, storage disabled, and one draft open in two tabs.
// Each gives a clear message, the text stays in the editor, and download still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const { server, browser } = await startApp();

async function downloaded(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  return readFile(await download.path(), 'utf8');
}

const fillStorage = () => {
  window.__setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
};
const freeStorage = () => {
  Storage.prototype.setItem = window.__setItem;
};

test('a full storage quota is reported, the text stays, and saving resumes when there is room', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill('# Saved part\n');
  await page.evaluate(fillStorage);
  await page.getByTestId('editor').fill('# Saved part\n\nUnsaved part.\n');
  assert.match(await page.getByTestId('save-status').textContent(), /storage is full: this draft is not saved/);
  assert.equal(await page.getByTestId('editor').inputValue(), '# Saved part\n\nUnsaved part.\n');
  assert.equal(await downloaded(page), '# Saved part\n\nUnsaved part.\n');

  await page.evaluate(freeStorage);
  await page.getByTestId('editor').press('End');
  await page.getByTestId('editor').pressSequentially('More.');
  assert.match(await page.getByTestId('save-status').textContent(), /^Saved/);
  await page.reload();
  await page.getByTestId('editor').waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), '# Saved part\n\nUnsaved part.\nMore.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with storage disabled the editor still works and says drafts are not kept', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url);
  await page.getByTestId('editor').waitFor();
  assert.match(await page.getByTestId('save-status').textContent(), /storage is disabled/);
  await page.getByTestId('editor').fill('# Typed without storage\n');
  await page.locator('[data-testid="diagnostic"]').first().waitFor();
  assert.match(await page.getByTestId('save-status').textContent(), /storage is disabled/);
  assert.equal(await downloaded(page), '# Typed without storage\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft open in two tabs follows the other tab, and a clash asks before anything is replaced', async () => {
  const first = await openPage(browser, server.url);
  await first.page.getByTestId('editor').fill('# Shared draft\n');
  const second = await first.context.newPage();
  await second.goto(server.url);
  await second.getByTestId('editor').waitFor();
  assert.equal(await second.getByTestId('editor').inputValue(), '# Shared draft\n');

  // Typing in one tab shows up in the other.
  await first.page.getByTestId('editor').fill('# Shared draft\n\nFrom the first tab.\n');
  await second.waitForFunction(() => document.querySelector('#editor').value.includes('From the first tab.'));

  // The second tab cannot save (its storage is full) while the first tab writes: a clash.
  await second.evaluate(fillStorage);
  await second.getByTestId('editor').fill('# Shared draft\n\nFrom the second tab.\n');
  await first.page.getByTestId('editor').fill('# Shared draft\n\nFrom the first tab, again.\n');
  await second.getByTestId('conflict').waitFor();
  assert.equal(await second.getByTestId('editor').inputValue(), '# Shared draft\n\nFrom the second tab.\n');

  await second.evaluate(freeStorage);
  await second.getByTestId('take-theirs').click();
  assert.equal(await second.getByTestId('editor').inputValue(), '# Shared draft\n\nFrom the first tab, again.\n');
  const names = await second.getByTestId('draft-name').allTextContents();
  assert.ok(names.includes("Shared draft (this tab's version)"), names.join(', '));
  const copy = await second.evaluate(() =>
    Object.keys(localStorage)
      .map((key) => localStorage.getItem(key))
      .find((value) => value.includes('From the second tab.')),
  );
  assert.ok(copy, "the second tab's text is kept as its own draft");
  assert.deepEqual(first.problems, []);
  await first.context.close();
});

test('two tabs typing in one draft at the same moment lose no keystroke: each is asked', async () => {
  const first = await openPage(browser, server.url);
  await first.page.getByTestId('editor').fill('# Shared draft\n\nTyped:');
  // The second tab hears of the first tab's saves only after it has typed its own: both
  // tabs type from the same version, as two people at two windows do. The listener that
  // holds the news back is the page's first, so that it runs before the app's.
  const second = await first.context.newPage();
  await second.addInitScript(() => {
    window.__held = null;
    window.addEventListener('storage', (event) => {
      if (window.__held) {
        event.stopImmediatePropagation();
        window.__held.push({ key: event.key, oldValue: event.oldValue, newValue: event.newValue });
      }
    });
  });
  await second.goto(server.url);
  await second.getByTestId('editor').waitFor();
  assert.equal(await second.getByTestId('editor').inputValue(), '# Shared draft\n\nTyped:');
  await second.evaluate(() => {
    window.__held = [];
  });
  const type = async (page, text) => {
    await page.getByTestId('editor').focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(text);
  };
  await type(first.page, ' first');
  await type(second, ' second');
  await first.page.getByTestId('conflict').waitFor();
  await second.evaluate(() => {
    const held = window.__held;
    window.__held = null;
    for (const event of held) {
      window.dispatchEvent(new StorageEvent('storage', { ...event, storageArea: localStorage }));
    }
  });
  await second.getByTestId('conflict').waitFor();
  assert.equal(await first.page.getByTestId('editor').inputValue(), '# Shared draft\n\nTyped: first');
  assert.equal(await second.getByTestId('editor').inputValue(), '# Shared draft\n\nTyped: second');

  // Taking the other version keeps this tab's as a draft of its own.
  await second.getByTestId('take-theirs').click();
  assert.equal(await second.getByTestId('editor').inputValue(), '# Shared draft\n\nTyped: first');
  const kept = await second.evaluate(() =>
    Object.values(localStorage).some((value) => value.includes('Typed: second')),
  );
  assert.ok(kept, "the second tab's words are kept as their own draft");
  assert.deepEqual(first.problems, []);
  await first.context.close();
});
