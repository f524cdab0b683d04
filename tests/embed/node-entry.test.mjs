// The package in Node.js by its name, as an application installs it: the `node` export
// condition initialises the wasm on import. Needs only the package, never ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE, ROOT } from './support/paths.mjs';

const APP = join(ROOT, 'target/embed-tests/node-entry');

/** An application in target/ with the package in its node_modules under the package's name. */
async function prepareApp(main) {
  const { name } = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  await rm(APP, { recursive: true, force: true });
  await mkdir(join(APP, 'node_modules'), { recursive: true });
  await symlink(PACKAGE, join(APP, 'node_modules', name), 'dir');
  await writeFile(join(APP, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(join(APP, 'main.js'), main.replaceAll('PACKAGE_NAME', name));
}

const run = async () => promisify(execFile)(process.execPath, ['main.js'], { cwd: APP });

test('importing the package in Node.js validates without calling init', async () => {
  await prepareApp(`import { validate, toHtml, version } from 'PACKAGE_NAME';

const { diagnostics } = validate('# Outage\\n');
console.log(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).join(' '));
console.log(toHtml('*ready*').trim(), version());
`);
  const { stdout, stderr } = await run();
  const [codes, html] = stdout.split('\n');
  assert.match(codes, /^PM102 PM102 PM102 PM102\b/);
  assert.match(html, /^<p><em>ready<\/em><\/p> \d+\.\d+\.\d+/);
  assert.equal(stderr, '');
});

test('calling init anyway, as a browser page does, still works in Node.js', async () => {
  await prepareApp(`import init, { validate } from 'PACKAGE_NAME';

await init();
console.log(validate('# Outage\\n').diagnostics.length > 0);
`);
  const { stdout, stderr } = await run();
  assert.equal(stdout, 'true\n');
  assert.equal(stderr, '');
});

test('the browser and default entry still leaves initialisation to the page', async () => {
  const manifest = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  const entry = manifest.exports['.'];
  assert.deepEqual(Object.keys(entry), ['types', 'node', 'default'], 'types first, then node, then default');
  assert.equal(entry.default, './postmortem.js');
  const browserEntry = await readFile(join(PACKAGE, entry.default), 'utf8');
  assert.doesNotMatch(browserEntry, /node:fs/, 'the browser entry reads no file');
  for (const file of [entry.node, entry.types, manifest.bin.postmortem]) {
    assert.ok(manifest.files.includes(file.replace(/^\.\//, '')), `${file} is published`);
  }
});
