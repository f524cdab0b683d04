// Offline and hosted anywhere: after one visit the app loads and works with the network off,
// from the root of a host or a sub-path; it makes no request after loading; a new version is
// announced and replaces the old cache cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, DIST } from './support/server.mjs';
import { launch } from './support/browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens the app and waits until its service worker controls the page. */
async function visit(url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.getByTestId('editor').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page, problems };
}

const DRAFT = '# Offline outage\n\nFrom 10:00 to 11:00 checkout failed.\n';

for (const prefix of ['/', '/tools/postmortem/']) {
  test(`after one visit the app works with the network off (served from ${prefix})`, async () => {
    const server = await serve({ prefix });
    const { context, page, problems } = await visit(server.url);
    await page.getByTestId('editor').fill(DRAFT);

    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.getByTestId('editor').waitFor();
    assert.equal(await page.getByTestId('editor').inputValue(), DRAFT, 'the saved draft is back');

    await page.getByTestId('editor').press('End');
    await page.getByTestId('editor').pressSequentially('\n## Timeline\n');
    await page.locator('[data-testid="diagnostic"][data-code="PM202"]').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    assert.equal(download.suggestedFilename(), 'offline-outage.md');
    assert.match(await readFile(await download.path(), 'utf8'), /## Timeline/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('after loading, the app makes no request, whatever the draft links to', async () => {
  const server = await serve();
  const { context, page, problems } = await visit(server.url);
  const after = [];
  context.on('request', (request) => after.push(request.url()));
  const served = server.requests.length;

  await page.getByTestId('editor').fill(
    '# Leaky draft\n\n![graph](https://example.com/graph.png) ![local](graph.png)\n\n' +
      '<img src="https://tracker.example/pixel.gif"> <iframe src="https://example.com"></iframe>\n\n' +
      '[link](https://example.com) <a href="/relative">relative</a>\n',
  );
  await page.getByTestId('tab-preview').click();
  await page.getByTestId('preview').locator('.image-placeholder').first().waitFor();
  assert.equal(await page.getByTestId('preview').locator('img, iframe').count(), 0);
  await page.getByTestId('tab-form').click();
  await page.getByTestId('new').click();
  await page.getByTestId('new-template').click();
  await page.getByTestId('tab-markdown').click();
  await page.waitForTimeout(500);

  assert.deepEqual(after, [], 'no request from the page or its service worker');
  assert.deepEqual(server.requests.slice(served), [], 'nothing reached the server');
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

test('a new version is announced, takes over on reload, and leaves one cache', async () => {
  const site = await mkdtemp(join(tmpdir(), 'postmortem-site-'));
  await cp(DIST, site, { recursive: true });
  const server = await serve({ root: site });
  const { context, page, problems } = await visit(server.url);
  await page.getByTestId('editor').fill(DRAFT);
  const [oldCache] = await page.evaluate(() => caches.keys());

  // A new build: its service worker differs (the version is derived from the build's files).
  const worker = join(site, 'service-worker.js');
  await writeFile(worker, (await readFile(worker, 'utf8')).replace(/const VERSION = '(\w+)'/, "const VERSION = '$1-next'"));
  await page.reload();
  await page.getByTestId('update-ready').waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await page.getByTestId('editor').waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), DRAFT);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1);
  assert.notEqual(caches[0], oldCache);
  assert.match(caches[0], /-next$/);
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
  await rm(site, { recursive: true });
});

test('the page is installable: a manifest with icons, served with the app', async () => {
  const server = await serve();
  const { context, page } = await visit(server.url);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  for (const icon of manifest.icons) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
    assert.equal(status, 200, icon.src);
  }
  await context.close();
  await server.close();
});
