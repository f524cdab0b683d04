// The TypeScript contract: the generated declarations match the reviewed snapshot, a
// TypeScript consumer compiles against them, and real values returned by the package
// type-check against them (so the hand-written declarations cannot drift from the Rust DTOs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE, ROOT, loadPackage, loadSeeds, withUnicode } from './support/package.mjs';

const SNAPSHOT = join(import.meta.dirname, 'snapshots/postmortem.d.ts');
const APP = join(ROOT, 'target/embed-tests/types');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let pm;
let seeds;

before(async () => {
  pm = await loadPackage();
  seeds = await loadSeeds();
});

test('the generated declarations match the snapshot (UPDATE_SNAPSHOTS=1 to accept changes)', async () => {
  const generated = await readFile(join(PACKAGE, 'postmortem.d.ts'), 'utf8');
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    await writeFile(SNAPSHOT, generated);
  }
  const snapshot = await readFile(SNAPSHOT, 'utf8').catch(() => '');
  assert.equal(
    generated,
    snapshot,
    `target/npm/postmortem.d.ts differs from ${SNAPSHOT}: review the API change, then rerun with UPDATE_SNAPSHOTS=1`,
  );
});

test('every export and every returned object has a precise declaration', async () => {
  const declarations = await readFile(join(PACKAGE, 'postmortem.d.ts'), 'utf8');
  for (const signature of [
    'export function validate(markdown: string, config?: Config | string | null): Validation;',
    'export function parse(markdown: string): Postmortem;',
    'export function render(markdown: string, config?: Config | string | null): string;',
    'export function toHtml(markdown: string, options?: HtmlOptions | null): string;',
    'export function rules(): Rule[];',
    'export function applyFixes(markdown: string, config?: Config | string | null): string;',
    'export function version(): string;',
    'export function initSync(',
    'export default function __wbg_init (',
  ]) {
    assert.ok(declarations.includes(signature), signature);
  }
  const exported = [...declarations.matchAll(/^export function (\w+)/gm)].map((match) => match[1]);
  assert.deepEqual(exported.sort(), ['applyFixes', 'initSync', 'parse', 'render', 'rules', 'toHtml', 'validate', 'version']);
  const api = declarations.split('export type InitInput')[0];
  assert.doesNotMatch(api, /:\s*any\b|\bany\[\]|<any>/, 'no `any` in the API');
});

/** Documents that exercise every part of the model: each block kind, front matter, tables. */
const SHAPES = `---
title: Everything
---
# Checkout outage 😀

Opening prose.

> A quote.

***

## Issue Summary

From 14:05 to 15:20 UTC on 2024-03-04 (for 75 minutes) 45% of users could not pay. The root
cause was a bad deploy.

**Impact:** checkout failed.

## Timeline

All times are UTC.

| Time | Event |
|---|---|
| 14:05 | An alert fired and paged the on-call engineer. |
| 14:20 | We suspected the payment provider, which was a red herring. |
| 15:20 | Escalated to the database team, who rolled back; resolved. |

<h2>Root Cause and Resolution</h2>

\`\`\`sql
SET pool_size = 5;
\`\`\`

### Detail

The pool was too small.

## Corrective and Preventative Measures

1. Better monitoring.

- [ ] Add a canary stage (owner: @ana, OPS-12)
- [x] Raise the pool size
`;

test('values returned by the package type-check against the declarations', async () => {
  const texts = [...seeds.flatMap(([, text]) => [text, withUnicode(text)]), SHAPES, '', '# Only a title\n'];
  const validations = texts.flatMap((text) => [pm.validate(text), pm.validate(text, { profile: 'sre' })]);
  const documents = texts.map((text) => pm.parse(text));
  const kinds = new Set(documents.flatMap((d) => [...d.preamble, ...d.sections.flatMap((s) => s.blocks)]).map((b) => b.kind.type));
  for (const kind of ['paragraph', 'list', 'table', 'heading', 'html', 'code', 'quote', 'thematicBreak']) {
    assert.ok(kinds.has(kind), `a sample has a ${kind} block`);
  }
  const literal = (value) => JSON.stringify(value, null, 1);
  await prepareApp(`import type { Postmortem, Rule, Validation } from 'postmortem';

export const validations: Validation[] = ${literal(validations)};
export const documents: Postmortem[] = ${literal(documents)};
export const rules: Rule[] = ${literal(pm.rules())};
`);
  await compile();
});

/** A TypeScript project in target/ that depends on the package by name, as a site would. */
async function prepareApp(conformance) {
  await rm(APP, { recursive: true, force: true });
  await mkdir(join(APP, 'node_modules'), { recursive: true });
  await symlink(PACKAGE, join(APP, 'node_modules/postmortem'), 'dir');
  await writeFile(join(APP, 'package.json'), '{ "type": "module", "private": true }\n');
  await copyFile(join(import.meta.dirname, 'type-check.ts'), join(APP, 'type-check.ts'));
  await writeFile(join(APP, 'conformance.ts'), conformance);
  const compilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2022', 'dom'],
    types: [],
  };
  await writeFile(
    join(APP, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['type-check.ts', 'conformance.ts'] }, null, 2),
  );
}

async function compile() {
  try {
    await promisify(execFile)(process.execPath, [TSC, '-p', APP], { cwd: APP, maxBuffer: 1 << 24 });
  } catch (error) {
    assert.fail(`tsc failed (type-check.ts is a copy of tests/embed/type-check.ts):\n${error.stdout}${error.stderr}`);
  }
}
