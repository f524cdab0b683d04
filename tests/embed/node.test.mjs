// The package in Node.js: every export, through real JavaScript values.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE, ROOT, loadPackage, loadSeeds, withUnicode } from './support/package.mjs';

let pm;
let seeds;

before(async () => {
  pm = await loadPackage();
  seeds = await loadSeeds();
  assert.ok(seeds.length >= 5, 'the seeds are read');
});

/** Every seed, as written and with characters outside ASCII. */
function documents() {
  return seeds.flatMap(([name, text]) => [
    [name, text],
    [`${name} (unicode)`, withUnicode(text)],
  ]);
}

/** The UTF-16 offset where each 1-based line starts. */
function lineStarts(text) {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

const isPlainObject = (value) => Object.getPrototypeOf(value) === Object.prototype;

test('validate returns diagnostics, statistics, the checklist and the metrics as plain objects', () => {
  for (const [name, text] of seeds) {
    const validation = pm.validate(text);
    assert.ok(isPlainObject(validation), name);
    assert.deepEqual(Object.keys(validation), ['diagnostics', 'stats', 'checklist', 'metrics']);
    assert.ok(Array.isArray(validation.diagnostics));
    for (const diagnostic of validation.diagnostics) {
      assert.ok(isPlainObject(diagnostic));
      assert.match(diagnostic.code, /^PM\d{3}$/);
      assert.ok(['error', 'warning', 'info'].includes(diagnostic.severity));
      assert.ok(diagnostic.message.length > 0);
      assert.ok(diagnostic.fix === null || isPlainObject(diagnostic.fix));
    }
    assert.ok(validation.stats.words > 100, `${name}: ${validation.stats.words} words`);
    assert.equal(validation.stats.sections.length > 0, true);
    assert.equal(validation.checklist.length, 22, 'the standard profile has 22 requirements');
    for (const requirement of validation.checklist) {
      // Unmet: the finding; met: what was found, when there is something to show.
      assert.equal(typeof requirement.reason, 'string', requirement.id);
      if (!requirement.met) assert.ok(requirement.reason.length > 0, requirement.id);
    }
    const length = validation.checklist.find((requirement) => requirement.id === 'document.length');
    assert.match(length.reason, /^\d[\d,]* words/, name);
    const { metrics } = validation;
    assert.ok(isPlainObject(metrics) && isPlainObject(metrics.sources), name);
    for (const key of ['start', 'detected', 'escalated', 'resolved']) {
      const value = metrics[key];
      assert.ok(value === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:00(Z|[+-]\d\d:\d\d)$/.test(value), `${name} ${key}: ${value}`);
    }
  }
  // Seed 004: from 10:00 to 12:00 WAT on June 7, 2024, escalated at 10:45.
  const metrics = pm.validate(seeds.find(([name]) => name.startsWith('004'))[1]).metrics;
  assert.equal(metrics.start, '2024-06-07T10:00:00+01:00');
  assert.equal(metrics.timeToEscalateSeconds, 45 * 60);
  assert.equal(metrics.timeToResolveSeconds, 2 * 60 * 60);
  assert.deepEqual(metrics.sources, { start: 'summary', detected: 'timeline', escalated: 'timeline', resolved: 'summary' });
});

test('diagnostic offsets and line/column ranges point at the same UTF-16 text', () => {
  let checked = 0;
  for (const [name, text] of documents()) {
    const starts = lineStarts(text);
    const { diagnostics } = pm.validate(text);
    for (const { code, range, offset } of diagnostics) {
      const where = `${name} ${code}`;
      assert.ok(offset.start <= offset.end && offset.end <= text.length, where);
      assert.equal(starts[range.start.line - 1] + range.start.column - 1, offset.start, where);
      assert.equal(starts[range.end.line - 1] + range.end.column - 1, offset.end, where);
      // Never inside a surrogate pair.
      assert.doesNotMatch(text.slice(offset.start - 1, offset.start + 1), /^[\ud800-\udbff][\udc00-\udfff]$/, where);
      checked += 1;
    }
  }
  assert.ok(checked > 20, `${checked} diagnostics checked`);
});

test('a diagnostic slices the text it is about, also after characters outside ASCII', () => {
  const text = '# Ausfall 😀 – é\n\n## Timeline\n\n- 10:00 UTC - An alert fired.\n';
  const missing = pm.validate(text).diagnostics.filter((d) => d.code === 'PM102');
  assert.equal(missing.length, 3);
  const beforeTimeline = missing.find((d) => d.message.includes('Issue Summary'));
  assert.equal(text.slice(beforeTimeline.offset.start, beforeTimeline.offset.end), '## Timeline');
  assert.deepEqual(beforeTimeline.range.start, { line: 3, column: 1 });
  assert.equal(beforeTimeline.requirement, 'summary.section');
});

test('diagnostics come sorted by position, then code', () => {
  for (const [name, text] of documents()) {
    const keys = pm.validate(text).diagnostics.map((d) => [d.offset.start, d.code]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    assert.deepEqual(keys, sorted, name);
  }
});

test('a bad configuration throws an Error with a clear message', () => {
  const cases = [
    [{ rules: { PM999: 'off' } }, /^invalid configuration: unknown rule `PM999`/],
    [{ profil: 'sre' }, /^invalid configuration: unknown field `profil`, expected one of `profile`, `rules`, `words`/],
    [{ profile: 'google' }, /^invalid configuration: unknown variant `google`, expected `standard` or `sre`/],
    [{ rules: { PM102: 'loud' } }, /^invalid configuration: unknown variant `loud`/],
    [{ words: { min: 900, max: 100 } }, /^invalid configuration: words\.min \(900\) is greater than words\.max \(100\)/],
    ['{"profile": ', /^invalid configuration: /],
    [{ big: 1n }, /^invalid configuration: not an object or JSON text/],
  ];
  for (const [config, message] of cases) {
    for (const call of [
      () => pm.validate('# T\n', config),
      () => pm.render('# T\n', config),
      () => pm.applyFixes('# T\n', config),
    ]) {
      assert.throws(call, (error) => error instanceof Error && message.test(error.message), JSON.stringify(String(config)));
    }
  }
});

test('the configuration sets the profile and rule levels, as an object or as JSON text', () => {
  const text = '# Outage\n\nSomething broke.\n';
  const codes = (config) => pm.validate(text, config).diagnostics.map((d) => d.code);
  assert.ok(codes().includes('PM102'));
  assert.ok(codes(undefined).includes('PM102'));
  assert.ok(codes(null).includes('PM102'));
  assert.ok(!codes({ rules: { PM102: 'off' } }).includes('PM102'));
  assert.ok(!codes('{"rules": {"missing-section": "off"}}').includes('PM102'));
  const severities = pm
    .validate(text, { rules: { 'missing-section': 'info' } })
    .diagnostics.filter((d) => d.code === 'PM102')
    .map((d) => d.severity);
  assert.deepEqual([...new Set(severities)], ['info']);
  const sre = pm.validate(text, { profile: 'sre' });
  assert.ok(sre.checklist.every((requirement) => requirement.id.startsWith('sre.') || requirement.id === 'document.length'));
  assert.deepEqual(pm.validate(text, { profile: 'sre' }), pm.validate(text, '{"profile":"sre"}'));
});

test('parse returns the typed model, its spans in UTF-16 offsets', () => {
  for (const [name, text] of documents()) {
    const document = pm.parse(text);
    assert.ok(isPlainObject(document), name);
    assert.equal(document.len, text.length, name);
    if (document.title) {
      assert.ok(text.slice(document.title.span.start, document.title.span.end).includes(document.title.text.slice(0, 5)), name);
    }
    assert.ok(document.sections.length > 0, name);
    for (const section of document.sections) {
      const heading = text.slice(section.heading.span.start, section.heading.span.end);
      assert.ok(heading.includes(section.heading.text.slice(0, 5)), `${name}: ${heading} / ${section.heading.text}`);
      for (const block of section.blocks) {
        assert.ok(section.span.start <= block.span.start && block.span.end <= section.span.end, name);
        assert.equal(typeof block.kind.type, 'string');
      }
    }
    for (const entry of document.timeline.entries) {
      if (entry.time) {
        assert.match(text.slice(entry.time.span.start, entry.time.span.end), /\d/, name);
      }
    }
    for (const task of document.measures.tasks) {
      assert.ok(text.slice(task.span.start, task.span.end).includes(task.text.slice(0, 5)), `${name}: ${task.text}`);
    }
  }
});

test('parse never fails: missing parts are null or empty', () => {
  const document = pm.parse('');
  assert.equal(document.title, null);
  assert.equal(document.frontMatter, null);
  assert.deepEqual(document.sections, []);
  assert.equal(document.timeline.form, 'missing');
  assert.equal(document.len, 0);
});

test('render returns canonical Markdown for the profile, and is idempotent', () => {
  for (const [name, text] of documents()) {
    const once = pm.render(text);
    assert.equal(pm.render(once), once, name);
    const sre = pm.render(text, { profile: 'sre' });
    assert.equal(pm.render(sre, { profile: 'sre' }), sre, name);
  }
  const skeleton = pm.render('# Outage\n');
  assert.match(skeleton, /## Issue Summary[\s\S]*## Timeline[\s\S]*## Root Cause and Resolution/);
  assert.match(pm.render('# Outage\n', '{"profile":"sre"}'), /## Lessons Learned/);
});

test('toHtml returns HTML in which nothing can run', () => {
  const html = pm.toHtml(
    '# Hi\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script>\n\n**bold**',
  );
  assert.match(html, /<h1>Hi<\/h1>/);
  assert.match(html, /<strong>bold<\/strong>/);
  assert.doesNotMatch(html, /onerror|javascript:|<script/i);
});

test('toHtml loads no image unless asked, and then only from absolute https: addresses', () => {
  const markdown = [
    '![graph](https://tracker.example/t.gif?draft=1)',
    '![local](/api/session/logout) ![ref][r]',
    '<img src="//tracker.example/x"> <img src="https://cdn.example/ok.png" alt="ok">',
    '',
    '[r]: https://tracker.example/ref.gif',
  ].join('\n');
  for (const html of [pm.toHtml(markdown), pm.toHtml(markdown, {}), pm.toHtml(markdown, { images: 'placeholder' })]) {
    assert.doesNotMatch(html, /<img|src=/);
    assert.match(html, /Image: graph \(https:\/\/tracker\.example\/t\.gif\?draft=1\)/);
    assert.match(html, /Image: local \(\/api\/session\/logout\)/);
  }
  const loading = pm.toHtml(markdown, { images: 'https' });
  const sources = [...loading.matchAll(/<img src="([^"]*)"/g)].map((match) => match[1]);
  assert.deepEqual(sources, ['https://tracker.example/t.gif?draft=1', 'https://tracker.example/ref.gif', 'https://cdn.example/ok.png']);
  assert.match(loading, /Image: local \(\/api\/session\/logout\)/);
  assert.match(loading, /Image: \/\/tracker\.example\/x/);
  assert.throws(() => pm.toHtml(markdown, { images: 'all' }), /`images` must be "placeholder" or "https"/);
});

test('toHtml caps the HTML of a document that asks for far more, and says so', () => {
  // A header of 112 columns and 2,287 one-cell rows, which the parser pads to the header's width.
  const table = `${'|a'.repeat(112)}|\n${'|-'.repeat(112)}|\n${'|a|\n'.repeat(2_287)}`;
  const html = pm.toHtml(table);
  assert.ok(html.length <= 20 * table.length + 4_096, `${html.length} bytes from ${table.length}`);
  assert.ok(
    html.endsWith(
      '<p class="truncated">The preview stops here: the document renders to more than 20 times its own size in HTML.</p>\n',
    ),
    html.slice(-200),
  );
  assert.ok(html.includes('</tbody>\n</table>\n<p class="truncated">'), 'the table is closed before the notice');
});

/** A value of each type a parameter must refuse: what a caller's bug passes. */
const WRONG_TYPES = [
  ['number', 123],
  ['object', {}],
  ['undefined', undefined],
  ['null', null],
  ['boolean', true],
  ['array', ['# Title']],
  ['function', () => '# Title'],
];

test('every export throws a TypeError naming the parameter for a markdown that is not a string', () => {
  const exports = [
    ['validate', (markdown) => pm.validate(markdown)],
    ['parse', (markdown) => pm.parse(markdown)],
    ['render', (markdown) => pm.render(markdown)],
    ['toHtml', (markdown) => pm.toHtml(markdown)],
    ['applyFixes', (markdown) => pm.applyFixes(markdown)],
  ];
  for (const [name, call] of exports) {
    for (const [type, value] of WRONG_TYPES) {
      assert.throws(
        () => call(value),
        (error) => {
          assert.ok(error instanceof TypeError, `${name}(${type}): ${error}`);
          assert.equal(error.message, `${name}: \`markdown\` must be a string, got ${type}`);
          return true;
        },
      );
    }
    // The module keeps working after each refusal.
    assert.doesNotThrow(() => call('# Outage\n'), name);
  }
});

test('a configuration or options object of the wrong type is a TypeError too', () => {
  for (const [name, call] of [
    ['validate', (config) => pm.validate('# T', config)],
    ['render', (config) => pm.render('# T', config)],
    ['applyFixes', (config) => pm.applyFixes('# T', config)],
  ]) {
    for (const [type, value] of [['number', 5], ['boolean', false], ['function', () => ({})]]) {
      assert.throws(() => call(value), (error) => {
        assert.ok(error instanceof TypeError, `${name}(config: ${type}): ${error}`);
        assert.equal(error.message, `${name}: \`config\` must be an object, a JSON string, null or undefined, got ${type}`);
        return true;
      });
    }
    assert.doesNotThrow(() => call(undefined));
    assert.doesNotThrow(() => call(null));
    assert.doesNotThrow(() => call({ profile: 'sre' }));
    assert.doesNotThrow(() => call('{"profile":"sre"}'));
  }
  for (const [type, value] of [['number', 5], ['string', 'https'], ['boolean', true]]) {
    assert.throws(() => pm.toHtml('# T', value), (error) => {
      assert.ok(error instanceof TypeError, `toHtml(options: ${type}): ${error}`);
      assert.equal(error.message, `toHtml: \`options\` must be an object, null or undefined, got ${type}`);
      return true;
    });
  }
  // Bad values, rather than types, stay plain errors.
  assert.throws(() => pm.validate('# T', { rules: { PM999: 'off' } }), (error) => !(error instanceof TypeError));
  assert.equal(pm.toHtml('*still working*'), '<p><em>still working</em></p>\n');
  assert.equal(pm.version().length > 0, true);
  assert.ok(pm.rules().length > 0);
});

test('rules returns the catalogue, with documentation', () => {
  const rules = pm.rules();
  assert.ok(rules.length >= 40, `${rules.length} rules`);
  const codes = rules.map((rule) => rule.code);
  assert.deepEqual(codes, [...codes].sort(), 'in code order');
  assert.equal(new Set(codes).size, codes.length, 'codes are unique');
  for (const rule of rules) {
    assert.deepEqual(Object.keys(rule), ['code', 'name', 'summary', 'docs', 'defaultSeverity', 'fixable', 'enabledByDefault']);
    assert.match(rule.code, /^PM[1-6]\d\d$/);
    assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/);
    // The summary is the documentation's first paragraph, its line breaks folded to spaces.
    assert.ok(rule.docs.replace(/\s+/g, ' ').startsWith(rule.summary), rule.code);
    assert.ok(!rule.summary.includes('\n'), `${rule.code}: one line`);
    assert.match(rule.docs, /^## Why is this bad\?$/m, `${rule.code}: Markdown, not doc-comment text`);
  }
  const known = new Set(codes);
  for (const [name, text] of seeds) {
    for (const { code } of pm.validate(text).diagnostics) assert.ok(known.has(code), `${name}: ${code}`);
  }
});

/** Applies edits as the core does: from the end, skipping any that overlap one applied. */
function applyEdits(text, edits) {
  let floor = Infinity;
  for (const edit of [...edits].sort((a, b) => b.offset.start - a.offset.start || b.offset.end - a.offset.end)) {
    if (edit.offset.end > floor) continue;
    text = text.slice(0, edit.offset.start) + edit.replacement + text.slice(edit.offset.end);
    floor = edit.offset.start;
  }
  return text;
}

test('applyFixes applies the fixes that validate describes', () => {
  let fixed = 0;
  for (const [name, text] of documents()) {
    const edits = pm.validate(text).diagnostics.flatMap((d) => d.fix?.edits ?? []);
    fixed += edits.length;
    assert.equal(pm.applyFixes(text), applyEdits(text, edits), name);
  }
  assert.ok(fixed > 0, 'some seeds have fixes');
  const text = '# Outage 😀\n\n## Time line\n\n- 10:00 UTC - An alert fired.\n';
  const { fix } = pm.validate(text).diagnostics.find((d) => d.code === 'PM106');
  assert.equal(fix.title, 'Rename to `Timeline`');
  assert.equal(text.slice(fix.edits[0].offset.start, fix.edits[0].offset.end), 'Time line');
  assert.match(pm.applyFixes(text), /^## Timeline$/m);
});

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '# ', '## ', '### ', 'Issue Summary', 'Timeline', 'Root Cause', 'Corrective and Preventative Measures',
  '\n', '\n\n', '\r\n', '- ', '* ', '1. ', '- [ ] ', '- [x] ', '  ', '    ', '> ', '| a | b |\n|---|---|\n| 1 | 2 |',
  '```', '~~~', '`', '**', '*', '_', '~~', '\\', '<img src=x>', '<details>', '</details>', '<h2>', '</h2>', '<!--', '-->',
  '<!-- postmortem-disable PM102 -->', '---\n', '+++\n', '[link](http://x)', '![img](./a.png)', '&amp;', '&#0;',
  '14:05', '14:05 UTC', '2:30 PM EST', '2023-03-01', '03/04/2023', 'EAT', 'GMT+3', 'midnight', 'for 2 hours', '45%',
  'all users', 'the root cause was', 'detected', 'escalated to', 'resolved', 'Owner: @ana', 'TODO', 'Bob',
  '😀', 'é', 'ß', '\u0000', '\u200b', '\ud83d', '\ufeff', '日本語', 'العربية', ':', '|', '=', '===', '-'.repeat(3),
];

test('no input makes any export panic', () => {
  const next = random(2024);
  const inputs = ['', ' ', '\n'.repeat(500), '#'.repeat(2000), '['.repeat(2000), '>'.repeat(500) + ' x', '\u0000'];
  inputs.push(Array.from({ length: 120 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n'));
  for (let count = 0; count < 300; count += 1) {
    const length = Math.floor(next() * 80);
    inputs.push(Array.from({ length }, () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]).join(''));
  }
  for (const [, text] of seeds) {
    // Seeds cut at random places, mid-character included.
    inputs.push(text.slice(0, Math.floor(next() * text.length)), text.slice(Math.floor(next() * text.length)));
  }
  for (const input of inputs) {
    const where = JSON.stringify(input.slice(0, 80));
    assert.doesNotThrow(() => {
      pm.validate(input);
      pm.validate(input, { profile: 'sre' });
      pm.parse(input);
      pm.render(input);
      pm.toHtml(input);
      pm.applyFixes(input);
    }, where);
  }
});

test('version is the package version', async () => {
  const manifest = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  assert.equal(pm.version(), manifest.version);
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
});

test('the package resolves by name through its exports, as in its README', async () => {
  const app = join(ROOT, 'target/embed-tests/node-app');
  await rm(app, { recursive: true, force: true });
  await mkdir(join(app, 'node_modules'), { recursive: true });
  await symlink(PACKAGE, join(app, 'node_modules/postmortem'), 'dir');
  await writeFile(join(app, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(
    join(app, 'main.js'),
    `import { readFile } from 'node:fs/promises';
import init, { validate } from 'postmortem';

const wasm = await readFile(new URL(import.meta.resolve('postmortem/postmortem_bg.wasm')));
await init({ module_or_path: wasm });
const { diagnostics } = validate('# Outage\\n');
console.log(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).join(' '));
`,
  );
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['main.js'], { cwd: app });
  assert.match(stdout, /PM102 PM102 PM102 PM102/);
  assert.equal(stderr, '');
});
