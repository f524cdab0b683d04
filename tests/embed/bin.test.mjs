// `npx postmortem-lint check FILE...`: the package's bin, run as npm runs it, on the project's
// own documents. Needs only the package, never ../shared.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE, ROOT } from './support/paths.mjs';

const DOCUMENTS = join(ROOT, 'crates/postmortem/tests/documents');
const SCRATCH = join(ROOT, 'target/embed-tests/bin');

let bin;
let pm;

before(async () => {
  const manifest = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.bin), ['postmortem'], 'one bin, so that npx runs it');
  bin = join(PACKAGE, manifest.bin.postmortem);
  pm = await import(join(PACKAGE, manifest.exports['.'].node));
  await rm(SCRATCH, { recursive: true, force: true });
  await mkdir(SCRATCH, { recursive: true });
});

/** Runs the bin from `cwd` (the documents' folder unless told) and returns its exit code and output. */
function postmortem(args, { cwd = DOCUMENTS, input } = {}) {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

test('the bin is a Node.js script, as npm links it', async () => {
  const firstLine = (await readFile(bin, 'utf8')).split('\n')[0];
  assert.equal(firstLine, '#!/usr/bin/env node');
});

test('a document with errors exits 1 and prints each finding on its own line', async () => {
  const name = 'table_timeline.md';
  const { diagnostics } = pm.validate(await readFile(join(DOCUMENTS, name), 'utf8'), null);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0, `${name} has errors`);
  const { code, stdout, stderr } = await postmortem(['check', '--no-config', name]);
  assert.equal(code, 1, stderr);
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.length, diagnostics.length + 1);
  for (const [index, diagnostic] of diagnostics.entries()) {
    // The table's text is ASCII, so the characters' column is the UTF-16 one.
    const { line, column } = diagnostic.range.start;
    assert.equal(lines[index], `${name}:${line}:${column}: ${diagnostic.severity}[${diagnostic.code}] ${diagnostic.message}`);
  }
  const count = (severity) => diagnostics.filter((d) => d.severity === severity).length;
  assert.match(lines.at(-1), new RegExp(`^Checked 1 file: ${errors.length} errors?, ${count('warning')} warnings?, ${count('info')} info\\.$`));
  assert.equal(stderr, '');
});

test('a clean document exits 0', async () => {
  const { code, stdout, stderr } = await postmortem(['check', '--no-config', 'headed.md']);
  assert.equal(code, 0, stdout + stderr);
  assert.equal(stdout, 'Checked 1 file: no problems found.\n');
  assert.equal(stderr, '');
});

test('several files and standard input are reported in the order named', async () => {
  const table = await readFile(join(DOCUMENTS, 'table_timeline.md'), 'utf8');
  const { code, stdout } = await postmortem(['check', '--no-config', 'headed.md', '-', 'bold_labels.md'], { input: table });
  assert.equal(code, 1);
  const paths = [...new Set(stdout.split('\n').filter((line) => line.includes(': ')).map((line) => line.split(':')[0]))];
  assert.deepEqual(paths, ['<stdin>', 'bold_labels.md', 'Checked 3 files']);
});

test('columns count characters, not UTF-16 units', async () => {
  // Times without a timezone, after a character that is two UTF-16 units.
  const text = '# Outage\n\n## Issue Summary\n\n😀 From 10:00 to 11:00 on May 2, 2024, checkout failed for 80% of users.\n';
  await writeFile(join(SCRATCH, 'emoji.md'), text);
  const utf16 = pm.validate(text).diagnostics.find((d) => d.code === 'PM202');
  assert.deepEqual(utf16?.range.start, { line: 5, column: 9 }, 'the package counts UTF-16 units');
  const { stdout } = await postmortem(['check', '--no-config', 'emoji.md'], { cwd: SCRATCH });
  assert.match(stdout, /^emoji\.md:5:8: error\[PM202\] /m);
});

test('the configuration found beside the files is used, and --profile overrides it', async () => {
  await writeFile(join(SCRATCH, '.postmortem.json'), '{ "rules": { "missing-section": "off" } }\n');
  await writeFile(join(SCRATCH, 'short.md'), '# Outage\n\nSomething broke.\n');
  const configured = await postmortem(['check', 'short.md'], { cwd: SCRATCH });
  assert.doesNotMatch(configured.stdout, /PM102/);
  const unconfigured = await postmortem(['check', '--no-config', 'short.md'], { cwd: SCRATCH });
  assert.match(unconfigured.stdout, /short\.md:\d+:\d+: error\[PM102\]/);
  const sre = await postmortem(['check', '--profile', 'sre', 'short.md'], { cwd: SCRATCH });
  assert.doesNotMatch(sre.stdout, /PM102/, 'the file\'s rules stay');
  assert.notEqual(sre.stdout, configured.stdout, 'the profile changes the findings');
  await rm(join(SCRATCH, '.postmortem.json'));
});

test('a missing file exits 2 with a clear message and no report', async () => {
  const { code, stdout, stderr } = await postmortem(['check', '--no-config', 'headed.md', 'missing.md']);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr, 'error: cannot read missing.md: no such file\n');
});

test('a bad command line or configuration exits 2 and says why', async () => {
  for (const [args, message] of [
    [['check'], /^error: name the files to check/],
    [['lint', 'headed.md'], /^error: unknown command `lint`\n\nUsage: postmortem check/],
    [['check', '--format', 'json', 'headed.md'], /^error: unknown option `--format`/],
    [['check', '--profile', 'google', 'headed.md'], /^error: unknown profile `google`/],
    [['check', '--config', 'missing.json', 'headed.md'], /^error: cannot read missing\.json: no such file\n$/],
  ]) {
    const { code, stdout, stderr } = await postmortem(args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '', args.join(' '));
    assert.match(stderr, message, args.join(' '));
  }
  await writeFile(join(SCRATCH, 'bad.json'), '{ "rules": { "PM999": "off" } }');
  const bad = await postmortem(['check', '--config', join(SCRATCH, 'bad.json'), 'headed.md']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^error: invalid configuration: unknown rule `PM999`/);
  await writeFile(join(SCRATCH, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  const latin1 = await postmortem(['check', '--no-config', 'latin1.md'], { cwd: SCRATCH });
  assert.equal(latin1.code, 2);
  assert.equal(latin1.stderr, 'error: latin1.md is not UTF-8 text; save it as UTF-8 and check again\n');
});

test('--help and --version exit 0', async () => {
  const help = await postmortem(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: postmortem check/);
  const version = await postmortem(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `postmortem ${pm.version()}\n`);
});
