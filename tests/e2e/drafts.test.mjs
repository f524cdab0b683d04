// Many drafts in one browser: create, list, rename, duplicate, delete with undo; the stored
// format migrated forward and never silently dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const { server, browser } = await startApp();

const draftNames = (page) => page.getByTestId('draft-name').allTextContents();

const storedDrafts = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('postmortem/v2/draft/'))
      .map((key) => JSON.parse(localStorage.getItem(key))),
  );

test('drafts are created, listed by last change, renamed, duplicated and reopened', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  assert.deepEqual(await draftNames(page), ['Title: what broke, in a few words'], 'a first visit opens the template');
  await page.getByTestId('editor').fill('# Database failover\n\nFirst draft.\n');
  await page.getByTestId('new').click();
  await page.getByTestId('new-blank').click();
  assert.equal(await page.getByTestId('editor').inputValue(), '');
  await page.getByTestId('editor').fill('# Cache stampede\n');
  assert.deepEqual(await draftNames(page), ['Cache stampede', 'Database failover']);

  // Rename with the keyboard: Enter commits.
  await page.getByRole('button', { name: 'Rename Database failover' }).click();
  await page.getByTestId('draft-rename').fill('DB failover, 3 Oct');
  await page.getByTestId('draft-rename').press('Enter');
  assert.deepEqual(await draftNames(page), ['DB failover, 3 Oct', 'Cache stampede']);

  await page.getByRole('button', { name: 'Duplicate DB failover, 3 Oct' }).click();
  assert.deepEqual(await draftNames(page), ['DB failover, 3 Oct (copy)', 'DB failover, 3 Oct', 'Cache stampede']);
  assert.equal(await page.getByTestId('editor').inputValue(), '# Database failover\n\nFirst draft.\n');

  await page.getByRole('button', { name: 'Open draft Cache stampede' }).click();
  assert.equal(await page.getByTestId('editor').inputValue(), '# Cache stampede\n');

  // Everything survives a reload, and the draft being edited reopens.
  await page.reload();
  await page.getByTestId('editor').waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), '# Cache stampede\n');
  assert.equal((await draftNames(page)).length, 3);
  const stored = await storedDrafts(page);
  assert.equal(stored.length, 3);
  assert.ok(stored.every((draft) => draft.version === 2 && typeof draft.modified === 'number'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new draft from the template has every section of the profile', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('profile').selectOption('sre');
  await page.getByTestId('new').click();
  await page.getByTestId('new-template').click();
  const text = await page.getByTestId('editor').inputValue();
  assert.match(text, /## Lessons Learned/, 'the SRE template');
  assert.equal(await page.getByTestId('profile').inputValue(), 'sre');
  assert.equal(await page.locator('[data-testid="diagnostic"][data-code="PM102"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deleted draft comes back with undo', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill('# Keep me\n\nImportant words.\n');
  await page.getByTestId('new').click();
  await page.getByTestId('new-blank').click();
  await page.getByTestId('editor').fill('# Other\n');
  await page.getByRole('button', { name: 'Delete Keep me' }).click();
  assert.deepEqual(await draftNames(page), ['Other']);
  assert.match(await page.getByTestId('notice-text').textContent(), /Deleted “Keep me”/);
  assert.equal((await storedDrafts(page)).length, 1);

  await page.getByTestId('undo').click();
  assert.deepEqual((await draftNames(page)).sort(), ['Keep me', 'Other']);
  assert.equal(await page.getByTestId('editor').inputValue(), '# Keep me\n\nImportant words.\n');
  assert.equal((await storedDrafts(page)).length, 2);

  // Deleting the only draft leaves a fresh one to type into.
  await page.getByRole('button', { name: 'Delete Other' }).click();
  await page.getByRole('button', { name: 'Delete Keep me' }).click();
  assert.equal((await draftNames(page)).length, 1);
  assert.match(await page.getByTestId('editor').inputValue(), /^# /, 'the template');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the single draft of the first storage format is migrated, and nothing unreadable is dropped', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('postmortem/v1/draft', JSON.stringify({ version: 1, text: '# From version one\n' }));
    localStorage.setItem('postmortem/v2/draft/broken', '{not json');
    localStorage.setItem('postmortem/v2/draft/future', JSON.stringify({ version: 7, id: 'future', hologram: true }));
  });
  await page.reload();
  await page.getByTestId('editor').waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), '# From version one\n');
  assert.deepEqual(await draftNames(page), ['From version one']);
  const status = await page.getByTestId('save-status').textContent();
  assert.match(status, /newer version/);
  assert.match(status, /could not be read/);

  await page.getByTestId('editor').fill('# From version one, edited\n');
  const kept = await page.evaluate(() => [
    localStorage.getItem('postmortem/v1/draft'),
    localStorage.getItem('postmortem/v2/draft/broken'),
    JSON.parse(localStorage.getItem('postmortem/v2/draft/future')).hologram,
  ]);
  assert.deepEqual(kept, [null, '{not json', true], 'migrated key removed; unreadable ones untouched');
  assert.deepEqual(problems, []);
  await context.close();
});
