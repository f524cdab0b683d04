// The form and the Markdown are two views of one draft: editing either updates the other, and
// a form edit changes only the text of the field it edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';
import { sharedUrl } from '../support/shared.mjs';

const { server, browser } = await startApp();

const SEED = sharedUrl('seeds/004_72e51504661ad338.txt');
const markdown = (page) => page.getByTestId('editor').inputValue();

async function openForm(page) {
  await page.getByTestId('tab-form').click();
  await page.getByTestId('form').waitFor();
}

test('the form shows a real postmortem, and an edit changes only that field', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const seed = (await readFile(SEED, 'utf8')).replaceAll('\r\n', '\n');
  await page.getByTestId('editor').fill(seed);
  await openForm(page);
  assert.equal(await page.getByTestId('form-title').inputValue(), 'My First Postmortem: The Case of the Overloaded Database');
  assert.equal(await page.getByTestId('form-start').inputValue(), '2024-06-07T10:00');
  assert.equal(await page.getByTestId('form-end').inputValue(), '2024-06-07T12:00');
  assert.equal(await page.getByTestId('form-zone').inputValue(), 'WAT');
  assert.equal(await page.getByTestId('form-row').count(), 9);

  await page.getByTestId('form-title').fill('The Overloaded Database');
  await page.getByTestId('tab-markdown').click();
  const edited = await markdown(page);
  assert.equal(edited, seed.replace('My First Postmortem: The Case of the Overloaded Database', 'The Overloaded Database'));
  assert.equal(await page.getByTestId('draft-title').textContent(), 'The Overloaded Database');
  assert.deepEqual(problems, []);
  await context.close();
});

test('editing the Markdown updates the form', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill('# Cache outage\n\n## Timeline\n\n- 10:00 UTC - Alert fired.\n');
  await openForm(page);
  assert.equal(await page.getByTestId('form-title').inputValue(), 'Cache outage');
  assert.equal(await page.getByTestId('form-row').count(), 1);
  await page.getByTestId('tab-markdown').click();
  await page.getByTestId('editor').fill('# Cache stampede\n\n## Timeline\n\n- 10:00 UTC - Alert fired.\n- 10:05 UTC - Paged the on-call.\n');
  await openForm(page);
  assert.equal(await page.getByTestId('form-title').inputValue(), 'Cache stampede');
  assert.equal(await page.getByTestId('form-row').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft built in the form comes out in the canonical layout', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('new').click();
  await page.getByTestId('new-blank').click();
  await openForm(page);
  await page.getByTestId('form-title').fill('Checkout outage');
  await page.getByTestId('form-start').fill('2024-10-03T14:05');
  await page.getByTestId('form-end').fill('2024-10-03T15:20');
  await page.getByTestId('form-zone').fill('UTC');
  await page.getByTestId('form-zone').press('Tab');
  await page.getByTestId('form-new-time').fill('14:05');
  await page.getByTestId('form-new-text').fill('Alert fired for checkout errors.');
  await page.getByTestId('form-add-row').click();
  await page.getByTestId('form-new-time').fill('14:20');
  await page.getByTestId('form-new-text').fill('Escalated to the payments team.');
  await page.getByTestId('form-new-text').press('Enter');
  await page.getByTestId('form-new-task').fill('Add a canary stage to the deploy pipeline.');
  await page.getByTestId('form-add-task').click();
  assert.equal(await page.getByTestId('form-row').count(), 2);

  // Reorder and remove rows, tick the task.
  await page.getByRole('button', { name: 'Move entry 2 up' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'What happened, entry 1' }).inputValue(), 'Escalated to the payments team.');
  await page.getByRole('button', { name: 'Move entry 1 down' }).click();
  await page.getByRole('checkbox', { name: 'Task 1 done' }).check();

  await page.getByTestId('tab-markdown').click();
  const text = await markdown(page);
  assert.match(text, /^# Checkout outage\n/);
  assert.match(text, /## Issue Summary[\s\S]*2024-10-03 14:05[\s\S]*15:20[\s\S]*UTC/);
  assert.match(text, /## Timeline\n\n- 14:05 UTC - Alert fired for checkout errors\.\n- 14:20 UTC - Escalated to the payments team\.\n/);
  assert.match(text, /- \[x\] Add a canary stage to the deploy pipeline\./);
  const sections = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  assert.deepEqual(sections, ['Issue Summary', 'Timeline', 'Corrective and Preventative Measures']);

  await openForm(page);
  await page.getByRole('button', { name: 'Remove entry 1' }).click();
  assert.equal(await page.getByTestId('form-row').count(), 1);
  await page.getByTestId('tab-markdown').click();
  assert.doesNotMatch(await markdown(page), /Alert fired/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a value the core refuses stays in the field and the Markdown is untouched', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill('# Cache outage\n\nSome text.\n');
  await openForm(page);
  await page.getByTestId('form-title').fill('');
  assert.match(await page.locator('.field-hint').first().textContent(), /Not written/);
  await page.getByTestId('tab-markdown').click();
  assert.equal(await markdown(page), '# Cache outage\n\nSome text.\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('one action writes every time in UTC, or in a chosen zone', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const seed = (await readFile(SEED, 'utf8')).replaceAll('\r\n', '\n');
  await page.getByTestId('editor').fill(seed);
  await openForm(page);
  await page.getByTestId('convert-times').click();
  await page.getByTestId('notice-text').filter({ hasText: 'Wrote 11 times in UTC' }).waitFor();
  assert.equal(await page.getByTestId('form-zone').inputValue(), 'UTC');
  await page.getByTestId('tab-markdown').click();
  const text = await markdown(page);
  assert.match(text, /Start Time: June 7, 2024, 9:00 AM UTC/);
  assert.match(text, /\*\*11:00 AM:\*\* Full functionality restored/);
  assert.doesNotMatch(text, /WAT/);

  await openForm(page);
  await page.getByTestId('convert-target').fill('EAT');
  await page.getByTestId('convert-times').click();
  await page.getByTestId('tab-markdown').click();
  assert.match(await markdown(page), /Start Time: June 7, 2024, 12:00 PM EAT/);
  assert.deepEqual(problems, []);
  await context.close();
});
