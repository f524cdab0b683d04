// Keyboard and screen reader: every control has a name, and the main tasks work without a
// mouse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const { server, browser } = await startApp();

const INTERACTIVE = new Set(['button', 'textbox', 'combobox', 'checkbox', 'tab', 'link', 'menuitem', 'DisclosureTriangle', 'searchbox']);

/** Interactive nodes of Chromium's accessibility tree that have no accessible name. */
async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((node) => !node.ignored && INTERACTIVE.has(node.role?.value))
    .filter((node) => !String(node.name?.value ?? '').trim())
    .map((node) => `${node.role.value} (backend node ${node.backendDOMNodeId})`);
}

/** Presses Tab until `predicate` holds for the focused element, at most `limit` times. */
async function tabTo(page, predicate, limit = 80) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error('never reached by Tab');
}

test('every control in every view has an accessible name', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill('# Outage\n\n## Timeline\n\n- 10:00 - Alert.\n\n## Corrective and Preventative Measures\n\n- [ ] Fix it.\n');
  assert.deepEqual(await unnamedControls(page), [], 'Markdown view');
  await page.getByTestId('tab-form').click();
  await page.getByTestId('form').waitFor();
  assert.deepEqual(await unnamedControls(page), [], 'form view');
  await page.getByTestId('tab-preview').click();
  assert.deepEqual(await unnamedControls(page), [], 'preview');
  assert.deepEqual(problems, []);
  await context.close();
});

test('write, find a problem and jump to it, and start a new draft, with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, () => document.activeElement?.id === 'editor');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('# Outage\n\nFrom 10:00 to 11:00 checkout failed.\n');

  // Tab on to the first diagnostic that points at the zoneless time, and open it.
  await tabTo(page, () => document.activeElement?.closest('[data-code="PM202"]') !== null);
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => {
    const editor = document.querySelector('#editor');
    return [document.activeElement === editor, editor.value.slice(editor.selectionStart, editor.selectionEnd)];
  });
  assert.deepEqual(selected, [true, '10:00']);

  // The New menu opens with Enter and its items are reachable with Tab.
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, () => document.activeElement?.dataset.testid === 'new');
  await page.keyboard.press('Enter');
  await tabTo(page, () => document.activeElement?.dataset.testid === 'new-blank');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('editor').inputValue(), '');
  assert.equal(await page.getByTestId('draft').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});
