// The example site (examples/embed-site/) with the package vendored, in headless Chromium:
// a course's submission page that reviews a postmortem as the learner types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../e2e/support/server.mjs';
import { launch, openPage } from '../e2e/support/browser.mjs';
import { loadPackage, loadSeeds } from './support/package.mjs';
import { stageSite } from './support/site.mjs';

let server;
let browser;
let pm;
let seeds;

before(async () => {
  [server, browser, pm, seeds] = await Promise.all([
    stageSite().then((root) => serve({ root })),
    launch(),
    loadPackage(),
    loadSeeds(),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page and waits until the package is loaded and the starter draft reviewed. */
async function open() {
  const opened = await openPage(browser, server.url);
  await opened.page.locator('body[data-ready="true"]').waitFor();
  return opened;
}

// Characters outside ASCII before the findings, so UTF-16 offsets matter.
const WITHOUT_TIMELINE = `# Ausfall im Checkout 😀

## Issue Summary

Von 14:05 bis 15:20 UTC schlug der Checkout für alle Nutzer fehl – ein fehlerhaftes Deployment.

## Root Cause and Resolution

A bad deploy; we rolled it back.

## Corrective and Preventative Measures

- [ ] Add a canary stage to the deploy pipeline.
`;

test('the page loads the package and reviews the starter draft', async () => {
  const { context, page, problems } = await open();
  assert.ok(server.requests.some((url) => url.endsWith('/vendor/postmortem/postmortem_bg.wasm')));
  assert.match(await page.getByTestId('checker-version').textContent(), /^postmortem \d+\.\d+\.\d+/);
  assert.ok((await page.getByTestId('diagnostic').count()) > 0);
  assert.match(await page.getByTestId('stats').textContent(), /\d+ words · 4 timeline entries/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing shows the findings, and a click selects what a finding is about', async () => {
  const { context, page, problems } = await open();
  await page.getByTestId('editor').fill(WITHOUT_TIMELINE);
  const expected = pm.validate(WITHOUT_TIMELINE, { profile: 'standard', rules: { 'named-individual': 'warning' } });
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="diagnostic"]').length === count,
    expected.diagnostics.length,
  );
  const missing = expected.diagnostics.find((d) => d.code === 'PM102');
  const index = expected.diagnostics.indexOf(missing);
  const button = page.locator(`[data-testid="diagnostic"][data-index="${index}"]`);
  assert.equal(await button.getAttribute('data-code'), 'PM102');
  assert.match(await button.textContent(), /No `Timeline` section/);
  assert.match(await button.textContent(), new RegExp(`^${missing.range.start.line}:${missing.range.start.column}`));

  await button.click();
  const selected = await page.getByTestId('editor').evaluate((editor) => ({
    text: editor.value.slice(editor.selectionStart, editor.selectionEnd),
    focused: document.activeElement === editor,
  }));
  assert.equal(selected.text, WITHOUT_TIMELINE.slice(missing.offset.start, missing.offset.end));
  assert.equal(selected.text, '## Root Cause and Resolution');
  assert.ok(selected.focused);

  // The checklist follows, and errors block the submission.
  const timeline = page.locator('[data-testid="requirement"][data-id="timeline.section"]');
  assert.equal(await timeline.getAttribute('data-met'), 'false');
  assert.equal(await page.locator('[data-testid="requirement"]').count(), expected.checklist.length);
  assert.ok(await page.getByTestId('submit').isDisabled());
  assert.deepEqual(problems, []);
  await context.close();
});

test('findings are painted behind the text, on the exact characters', async () => {
  const { context, page, problems } = await open();
  const text = '# Outage 😀\n\n## Time line\n\n- 10:00 UTC - An alert fired.\n';
  await page.getByTestId('editor').fill(text);
  const mark = page.locator('[data-testid="highlights"] mark[data-codes~="PM106"]');
  await mark.waitFor();
  // The rename (PM106) overlaps the heading's own finding (PM102): the two paint as one.
  assert.equal(await mark.textContent(), '## Time line');
  assert.match(await mark.getAttribute('data-codes'), /PM102/);
  assert.equal(await page.getByTestId('highlights').textContent(), `${text}\u200b`, 'the backdrop mirrors the text');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a postmortem that meets every requirement can be submitted', async () => {
  const [, complete] = seeds.find(([name]) => name.startsWith('004_'));
  const { context, page, problems } = await open();
  await page.getByTestId('editor').fill(complete);
  await page.waitForFunction(() => !document.querySelector('[data-testid="requirement"][data-met="false"]'));
  assert.ok(await page.getByTestId('submit').isEnabled());
  await page.getByTestId('submit').click();
  assert.match(await page.getByTestId('status').textContent(), /Submitted/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the preview shows safe HTML: nothing in a draft runs', async () => {
  const { context, page, problems } = await open();
  await page.getByTestId('editor').fill(
    '# Outage\n\n<img src=x onerror="window.pwned = 1"> <script>window.pwned = 2</script>\n\n**Bold** [link](javascript:window.pwned=3)\n',
  );
  await page.locator('.preview summary').click();
  await page.locator('[data-testid="preview"] strong').waitFor();
  assert.equal(await page.locator('[data-testid="preview"] h1').textContent(), 'Outage');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.doesNotMatch(await page.getByTestId('preview').innerHTML(), /onerror|<script|javascript:/);
  // The broken image is the page's own 404, not a console error of the checker.
  assert.deepEqual(problems.filter((problem) => !/Failed to load resource/.test(problem)), []);
  await context.close();
});
