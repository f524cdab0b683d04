// The editor keeps exactly what a person types: the form typed key by key with the keyboard
// (never filled in one go), undo and redo around every kind of step, and a diagnostic's text
// brought into view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const { server, browser } = await startApp();

const markdown = (page) => page.getByTestId('editor').inputValue();

async function openForm(page) {
  await page.getByTestId('tab-form').click();
  await page.getByTestId('form').waitFor();
}

/** Replaces the Markdown (one step, as a paste is), then shows the form. */
async function formOf(page, text) {
  await page.getByTestId('editor').fill(text);
  await openForm(page);
}

/** Selects what `field` holds and types `text` over it, key by key. */
async function retype(page, field, text) {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** The lines `after` has that `before` lacks, and those it lost, counting repeats. */
function lineChanges(before, after) {
  const count = (text) => {
    const counts = new Map();
    for (const line of text.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
    return counts;
  };
  const [old, now] = [count(before), count(after)];
  const added = [];
  const removed = [];
  for (const [line, n] of now) for (let i = (old.get(line) ?? 0); i < n; i++) added.push(line);
  for (const [line, n] of old) for (let i = (now.get(line) ?? 0); i < n; i++) removed.push(line);
  return { added, removed };
}

test('every field of the template typed key by key writes one line of what was typed', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const template = await markdown(page);
  await openForm(page);
  const cases = [
    ['form-title', 'Checkout outage', ['# Checkout outage'], ['# Title: what broke, in a few words']],
    ['form-impact', 'Checkout failed with errors', ['- **Impact:** Checkout failed with errors'], []],
    ['form-share', 'about 40% of users', ['- **Affected users:** about 40% of users'], []],
    ['form-root-cause', 'A deploy exhausted the pool', ['- **Root cause:** A deploy exhausted the pool'], []],
    ['form-improvements', 'Add alerts on pool use.', ['Add alerts on pool use.'], []],
  ];
  let before = template;
  for (const [id, text, added, removed] of cases) {
    await retype(page, page.getByTestId(id), text);
    assert.equal(await page.getByTestId(id).inputValue(), text, `${id} shows what was typed`);
    const now = await markdown(page);
    const changes = lineChanges(before, now);
    console.log(`typed ${JSON.stringify(text)} into ${id}: +${JSON.stringify(changes.added)} -${JSON.stringify(changes.removed)}`);
    assert.deepEqual(changes.added.filter((line) => line !== ''), added, `${id}: lines added`);
    assert.deepEqual(changes.removed.filter((line) => line !== ''), removed, `${id}: lines removed`);
    before = now;
  }
  // Every field still shows its own value once the others were typed.
  assert.equal(await page.getByTestId('form-impact').inputValue(), 'Checkout failed with errors');
  assert.equal(await page.getByTestId('form-share').inputValue(), 'about 40% of users');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new share typed over the one in a prose summary changes only the share', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const prose = '# Checkout outage\n\n## Issue Summary\n\nFrom 10:00 to 11:10 UTC checkout failed for about 40% of users because a deploy exhausted the database pool.\n';
  await formOf(page, prose);
  assert.equal(await page.getByTestId('form-share').inputValue(), '40%');
  await retype(page, page.getByTestId('form-share'), '65%');
  assert.equal(await markdown(page), prose.replace('40%', '65%'));
  assert.equal(await page.getByTestId('form-share').inputValue(), '65%');
  assert.deepEqual(problems, []);
  await context.close();
});

const LABELLED = `**Issue Summary:**
- **Duration:** 10:00 AM - 11:10 AM (UTC)
- **Impact:** Checkout failed for 40% of users, leading to abandoned carts.

**Root Cause:**
A deploy exhausted the database pool.

**Timeline:**
- **10:00 AM:** Alerts fired on checkout errors.
- **11:10 AM:** The deploy was rolled back.

**Corrective and Preventative Measures:**
- **Improvements:**
  - Load-test every deploy before it ships.
- **Tasks to Address the Issue:**
  - Add an alert on pool use.
  - Cap the pool per deploy.
`;

test('labels inside lists are told apart: root cause, impact, tasks under a sub-heading', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await formOf(page, LABELLED);
  assert.equal(await page.getByTestId('form-root-cause').inputValue(), 'A deploy exhausted the database pool.');
  assert.match(await page.getByTestId('form-impact').inputValue(), /^Checkout failed for 40% of users/);
  const root = page.getByTestId('form-root-cause');
  await root.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' during a deploy');
  assert.equal(await markdown(page), LABELLED.replace('database pool.', 'database pool. during a deploy'));

  await page.getByLabel('Task 2 done').check();
  assert.equal(
    await markdown(page),
    LABELLED.replace('database pool.', 'database pool. during a deploy').replace('  - Cap the pool', '  - [x] Cap the pool'),
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('a timeline row and a task typed key by key change only their own text', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await formOf(page, LABELLED);
  await retype(page, page.getByLabel('What happened, entry 1'), 'Pages went out');
  await retype(page, page.getByLabel('Task 1', { exact: true }), 'Alert at 80% pool use');
  assert.equal(
    await markdown(page),
    LABELLED.replace('Alerts fired on checkout errors.', 'Pages went out').replace('Add an alert on pool use.', 'Alert at 80% pool use'),
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('undo and redo step back and forth exactly, in either view', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const editor = page.getByTestId('editor');
  const start = '# Checkout outage\n\n## Issue Summary\n\nCheckout failed from 10:00 AM to 11:00 AM UTC for 80% of users because a deploy exhausted the pool.\n';
  await editor.fill(start);
  // Typing, grouped into words.
  await editor.press('ControlOrMeta+End');
  await page.keyboard.type('More words');
  const typed = await markdown(page);
  assert.equal(typed, `${start}More words`);
  // A quick fix is one step.
  await page.locator('[data-testid="quick-fix"]').first().click();
  const fixed = await markdown(page);
  assert.notEqual(fixed, typed);
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+Z');
  assert.equal(await markdown(page), typed, 'undo takes the fix back, and only the fix');
  await page.keyboard.press('ControlOrMeta+Z');
  assert.equal(await markdown(page), `${start}More `, 'then the last word');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  assert.equal(await markdown(page), fixed, 'redo makes both again');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  assert.equal(await markdown(page), fixed, 'nothing more to redo: nothing appended');

  // A form edit is undone from the form, and the buttons do the same.
  await openForm(page);
  await retype(page, page.getByTestId('form-title'), 'Pool outage');
  assert.match(await markdown(page), /^# Pool outage\n/);
  await page.keyboard.press('ControlOrMeta+Z');
  assert.equal(await markdown(page), fixed);
  assert.equal(await page.getByTestId('form-title').inputValue(), 'Checkout outage');
  await page.getByTestId('redo-edit').click();
  assert.match(await markdown(page), /^# Pool outage\n/);
  await page.getByTestId('undo-edit').click();
  assert.equal(await markdown(page), fixed);

  // Converting every time is one step.
  await page.getByTestId('convert-target').fill('EAT');
  await page.getByTestId('convert-times').click();
  const converted = await markdown(page);
  assert.notEqual(converted, fixed);
  await page.getByTestId('undo-edit').click();
  assert.equal(await markdown(page), fixed);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a pasted text is undone as one step', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const editor = page.getByTestId('editor');
  await editor.fill('# Outage\n');
  await editor.press('ControlOrMeta+End');
  await page.evaluate(() => navigator.clipboard?.writeText?.('pasted words here'));
  await editor.evaluate((node) => {
    node.setRangeText('pasted words here', node.value.length, node.value.length, 'end');
    node.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  });
  assert.equal(await markdown(page), '# Outage\npasted words here');
  await page.getByTestId('undo-edit').click();
  assert.equal(await markdown(page), '# Outage\n');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a diagnostic far down the draft brings its text into view', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  const filler = Array.from({ length: 120 }, (_, i) => `Paragraph ${i} about the checkout service and its pool.`).join('\n\n');
  const text = `# Checkout outage\n\n${filler}\n\n## Timeline\n\n- 10:00 - Alerts fired.\n`;
  await page.getByTestId('editor').fill(text);
  await page.getByTestId('editor').evaluate((node) => { node.scrollTop = 0; });
  const finding = page.locator('[data-testid="diagnostic"][data-code="PM202"]').last();
  await finding.locator('[data-testid="diagnostic-select"]').click();
  assert.match(await finding.locator('.where').textContent(), /^line \d+, col \d+$/);
  const view = await page.getByTestId('editor').evaluate((node) => {
    const lineHeight = parseFloat(getComputedStyle(node).lineHeight) || 20;
    const before = node.value.slice(0, node.selectionStart).split('\n').length;
    return { scrollTop: node.scrollTop, clientHeight: node.clientHeight, lineHeight, before, focused: document.activeElement === node };
  });
  assert.ok(view.focused, 'the editor has focus');
  assert.ok(view.scrollTop > 0, `scrolled: ${JSON.stringify(view)}`);
  await page.screenshot({ path: 'target/screenshots/diagnostic-scrolled.png' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, tapping a diagnostic shows the editor at its text', async () => {
  const { context, page, problems } = await openPage(browser, server.url, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await page.getByTestId('editor').fill('# Outage\n\n## Timeline\n\n- 10:00 - Alerts fired.\n');
  await page.getByTestId('pane-checks').tap();
  await page.locator('[data-testid="diagnostic-select"]').first().tap();
  await page.getByTestId('editor').waitFor({ state: 'visible' });
  assert.ok(await page.getByTestId('editor').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});
