// The preview never runs anything from a document: hostile drafts are rendered in the real
// app, and a payload that ran would set a global flag or open a dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './support/browser.mjs';
import { startApp } from './support/app.mjs';

const { server, browser } = await startApp();

const RUN = 'window.__xss=1;alert(1)';
const RUN_ENCODED = 'window.__xss%3D1%3Balert(1)';

/** Raw HTML, script and frames, event handlers, dangerous URLs, SVG, entities, Markdown tricks. */
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<SCRIPT SRC=data:text/javascript,${RUN_ENCODED}></SCRIPT>`,
  `<img src=x onerror="${RUN}">`,
  `<img/src=x/onerror=${RUN}>`,
  `<svg onload="${RUN}"></svg>`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text y="20">click</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="data:text/html,<script>${RUN}</script>">`,
  `<body onload="${RUN}">`,
  `<details open ontoggle="${RUN}">x</details>`,
  `<div onmouseover="${RUN}" style="position:fixed;inset:0">hover</div>`,
  `<a href="javascript:${RUN}">click</a>`,
  `<a href="JaVaScRiPt:${RUN}">click</a>`,
  `<a href="&#106;avascript:${RUN}">click</a>`,
  `<a href="jav&#x09;ascript:${RUN}">click</a>`,
  `<a href="data:text/html,<script>${RUN}</script>">click</a>`,
  `<a href="vbscript:msgbox(1)">click</a>`,
  `[click](javascript:${RUN})`,
  `[click](JAVASCRIPT:${RUN})`,
  `[click](javascript&#58;${RUN})`,
  `[click](<javascript:${RUN}>)`,
  `[click][ref]\n\n[ref]: javascript:${RUN}`,
  `![x](javascript:${RUN})`,
  `![x](data:image/svg+xml,<svg onload=${RUN_ENCODED}>)`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<input autofocus onfocus="${RUN}">`,
  `<textarea autofocus onfocus="${RUN}"></textarea>`,
  `<select autofocus onfocus="${RUN}"></select>`,
  `<video><source onerror="${RUN}"></video>`,
  `<audio src=x onerror="${RUN}"></audio>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">[a](x)`,
  `<link rel="stylesheet" href="javascript:${RUN}">`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<template><img src=x onerror="${RUN}"></template>`,
  `<p title="&quot; onmouseover=&quot;${RUN}">x</p>`,
  `\`<img src=x onerror=${RUN}>\` and <code><img src=x onerror=${RUN}></code>`,
  '```html\n<script>window.__xss=1</script>\n```',
  `| a |\n|---|\n| <img src=x onerror="${RUN}"> |`,
  `> <img src=x onerror="${RUN}">`,
  `- [ ] <img src=x onerror="${RUN}">`,
  `---\ntitle: <script>${RUN}</script>\n---\n# Front matter`,
  `<div id="editor" name="wasmBindings">clobber</div>`,
  `<a href="https://example.com" target="_blank" onclick="${RUN}">link</a>`,
];

test(`${PAYLOADS.length} hostile drafts render in the preview and nothing runs`, async () => {
  const { context, page } = await openPage(browser, server.url);
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByTestId('tab-preview').click();
  const preview = page.getByTestId('preview');
  for (const [index, payload] of PAYLOADS.entries()) {
    const draft = `# Payload ${index}\n\n${payload}\n`;
    await page.getByTestId('editor').fill(draft);
    await preview.locator('h1', { hasText: `Payload ${index}` }).waitFor();
    // Give handlers their chance: hover, click and focus everything the preview holds.
    for (const element of await preview.locator('a, button, div, p, details, svg, input').all()) {
      await element.hover({ timeout: 500 }).catch(() => {});
    }
    for (const link of await preview.locator('a').all()) {
      await link.click({ timeout: 500, modifiers: [] }).catch(() => {});
      if (!page.url().startsWith(server.url)) await page.goBack();
    }
    await page.waitForTimeout(30);
    assert.equal(await page.evaluate(() => window.__xss), undefined, `payload ${index} ran: ${payload}`);
    assert.equal(await preview.locator('script, iframe, object, embed, svg, form, [onerror], [onload], [onclick]').count(), 0, payload);
  }
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.locator('#editor').count(), 1, 'no element of the page was clobbered');
  await context.close();
});
