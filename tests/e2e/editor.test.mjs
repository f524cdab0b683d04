// The editor end to end: type, see diagnostics, reload, download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const SHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

const { server, browser } = await startApp();

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
  assert.match(await missing.textContent(), /^line 7, col 1/, 'points at the heading the timeline belongs before');
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

const ZONELESS = `# Checkout outage

## Issue Summary

From 10:00 AM to 11:00 AM all users could not pay because of a bad deploy.
`;

test('clicking a diagnostic selects the exact text it points at', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(ZONELESS);
  await page.locator('[data-testid="diagnostic"][data-code="PM202"] [data-testid="diagnostic-select"]').click();
  const selected = await page.getByTestId('editor').evaluate((editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.equal(selected, '10:00 AM');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'editor');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a quick fix inserts the missing section and the checklist ticks it', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(WITHOUT_TIMELINE);
  const requirement = page.locator('[data-testid="requirement"][data-id="timeline.section"]');
  assert.equal(await requirement.getAttribute('data-met'), 'false');
  await page.locator('[data-testid="diagnostic"][data-code="PM102"] [data-testid="quick-fix"]').click();
  assert.match(await page.getByTestId('editor').inputValue(), /\n## Timeline\n\n## Root Cause and Resolution/);
  await page.waitForFunction(() => document.querySelector('[data-id="timeline.section"]')?.dataset.met === 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('each requirement says why: what was found when met, the finding when not', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(
    '# Checkout outage\n\n## Issue Summary\n\nFrom 10:00 to 11:00 UTC checkout failed for all users.\n\n## Timeline\n\n- 10:00 UTC - An alert fired.\n- 10:20 UTC - Escalated to the payments team.\n',
  );
  const reason = (id) =>
    page.locator(`[data-testid="requirement"][data-id="${id}"] [data-testid="requirement-reason"]`);
  await page.waitForFunction(() => document.querySelector('[data-id="summary.duration"]')?.dataset.met === 'true');
  assert.equal(await reason('summary.duration').textContent(), 'start 10:00, end 11:00');
  assert.match(await reason('timeline.escalation').textContent(), /^escalated: .10:20 UTC - Escalated to the payments team/);
  const cause = page.locator('[data-testid="requirement"][data-id="summary.root-cause"]');
  assert.equal(await cause.getAttribute('data-met'), 'false');
  assert.match(await reason('summary.root-cause').textContent(), /root cause/i);
  await mkdir(SHOTS, { recursive: true });
  await page.getByTestId('checklist').screenshot({ path: `${SHOTS}checklist-reasons.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the preview renders the draft and runs nothing from it', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(
    '# Safe title\n\n<img src="data:image/png,x" onerror="window.__pwned = 1">\n\n[click](javascript:window.__pwned=2)\n\n<script>window.__pwned = 3</script>\n',
  );
  await page.getByTestId('tab-preview').click();
  const preview = page.getByTestId('preview');
  await preview.locator('h1').waitFor();
  assert.equal(await preview.locator('h1').textContent(), 'Safe title');
  assert.equal(await preview.locator('[onerror], script').count(), 0);
  assert.equal(await preview.locator('a').getAttribute('href'), null);
  await preview.locator('a').click();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to the SRE profile changes the requirements', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  assert.equal(await page.locator('[data-testid="requirement"][data-id="sre.lessons"]').count(), 0);
  await page.getByTestId('profile').selectOption('sre');
  await page.locator('[data-testid="requirement"][data-id="sre.lessons"]').waitFor();
  assert.match(await page.getByTestId('word-count').textContent(), /words \(300–2500\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the incident at a glance: start, detection, escalation, resolution and the times between', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.getByTestId('editor').fill(`# Checkout outage

## Issue Summary

From 14:05 to 15:20 UTC on October 3, 2024, checkout failed for 45% of users because of a bad deploy.

## Timeline

- 14:08 UTC - An alert fired for checkout errors.
- 14:20 UTC - Escalated to the payments team.
- 15:20 UTC - Rolled back; the incident is resolved.
`);
  const metric = (label) => page.locator(`[data-testid="metric"][data-label="${label}"] dd`).textContent();
  await page.waitForFunction(() => document.querySelector('[data-label="Time to resolve"] dd')?.textContent === '1 h 15 min');
  assert.equal(await metric('Started'), '2024-10-03 14:05 UTC (from the summary)');
  assert.equal(await metric('Detected'), '2024-10-03 14:08 UTC (from the timeline)');
  assert.equal(await metric('Time to detect'), '3 min');
  assert.equal(await metric('Time to escalate'), '12 min');
  assert.deepEqual(problems, []);
  await context.close();
});
