// How fast the built app answers typing, in headless Chromium: the time from an input event
// to the updated diagnostics, for the largest seed and for a 50,000-word draft; the time to
// interactive on a local server; the gzip size of the app's wasm.
//
//   cargo xtask build && node tests/bench/app.mjs
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, DIST } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';
import { sharedUrl } from '../support/shared.mjs';

const SEEDS = new URL(`${sharedUrl('seeds')}/`);
const ROUNDS = 40;

async function seeds() {
  const names = (await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(new URL(name, SEEDS), 'utf8') })));
}

/** Seed 004's sections repeated to 50,000 words, as the core's benchmark builds it. */
function largeDraft(seed) {
  const body = seed.slice(Math.max(seed.indexOf('## Issue Summary'), 0));
  let draft = seed;
  while (draft.split(/\s+/).filter(Boolean).length < 50_000) draft += `\n\n${body}`;
  return draft;
}

/**
 * Types `rounds` characters at the end of the draft with the keyboard, and measures in the page
 * from each input event to the moment the diagnostics describe the new text (the diagnostics
 * pane's `data-analysed-bytes` matches the text), and to the next frame painted after it.
 */
async function measureTyping(page, text, rounds) {
  await page.evaluate((text) => {
    const editor = document.querySelector('#editor');
    editor.value = text;
    editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  const settled = () =>
    page.waitForFunction(() => {
      const pane = document.querySelector('.diagnostics-pane');
      const bytes = new TextEncoder().encode(document.querySelector('#editor').value).length;
      return pane && Number(pane.dataset.analysedBytes) === bytes;
    });
  await settled();
  await page.evaluate(() => {
    const editor = document.querySelector('#editor');
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
    window.__typing = [];
    // Capturing, so that the observer is in place before the app handles the event.
    document.addEventListener('input', (event) => {
      const target = new TextEncoder().encode(editor.value).length;
      const pane = document.querySelector('.diagnostics-pane');
      const started = event.timeStamp;
      const sample = { started };
      window.__typing.push(sample);
      const observer = new MutationObserver(() => {
        if (Number(pane.dataset.analysedBytes) === target) {
          observer.disconnect();
          sample.shown = performance.now() - started;
          requestAnimationFrame(() => (sample.painted = performance.now() - started));
        }
      });
      observer.observe(pane, { attributes: true, attributeFilter: ['data-analysed-bytes'] });
    }, true);
  });
  for (let round = 0; round < rounds; round += 1) {
    await page.keyboard.type(round % 6 === 5 ? ' ' : 'x');
    await settled();
    await page.waitForTimeout(20);
  }
  const samples = await page.evaluate(() => window.__typing);
  return {
    toDom: samples.map((sample) => sample.shown).filter(Number.isFinite),
    toPaint: samples.map((sample) => sample.painted).filter(Number.isFinite),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;

const server = await serve();
const browser = await launch();
try {
  const wasm = (await readdir(DIST)).find((name) => name.endsWith('.wasm'));
  const bytes = await readFile(join(DIST, wasm));
  console.log(`app wasm: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip -9 (target < 250 KB)`);

  // Time to interactive: navigation start to the editor answering with its first analysis.
  const loads = [];
  for (let round = 0; round < 5; round += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid="word-count"]')?.textContent);
    loads.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(`time to interactive (local server, fresh profile): median ${ms(median(loads))}`);

  const all = await seeds();
  const largest = all.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const seed004 = all.find(({ name }) => name.startsWith('004'));
  const cases = [
    { label: `largest seed (${largest.name}, ${largest.text.length} bytes)`, text: largest.text, target: 16 },
    { label: '50,000-word draft', text: largeDraft(seed004.text), target: 100 },
  ];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('editor').waitFor();
  console.log(`\ninput event to updated diagnostics, ${ROUNDS} keystrokes each:`);
  console.log(`${'draft'.padEnd(42)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'to paint'.padStart(10)}  target`);
  for (const { label, text, target } of cases) {
    const { toDom, toPaint } = await measureTyping(page, text, ROUNDS);
    console.log(`${label.padEnd(42)} ${ms(median(toDom))} ${ms(p95(toDom))} ${ms(median(toPaint))}  < ${target} ms`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
