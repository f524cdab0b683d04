// The package as `cargo xtask npm` builds it, loaded in Node.js the way its README says.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { needShared } from '../../support/shared.mjs';
import { PACKAGE, ROOT } from './paths.mjs';

export { PACKAGE, ROOT };
/** The seeds in ../shared: a test file that imports this module runs only when they are there. */
export const SEEDS = needShared('seeds');

/** Imports the package and initialises it with the wasm bytes read from disk. */
export async function loadPackage() {
  const entry = join(PACKAGE, 'postmortem.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`cargo xtask npm\` first`);
  }
  const postmortem = await import(entry);
  await postmortem.default({ module_or_path: await readFile(join(PACKAGE, 'postmortem_bg.wasm')) });
  return postmortem;
}

/** The seed postmortems, as [name, text] pairs in name order. */
export async function loadSeeds() {
  const names = (await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => [name, await readFile(join(SEEDS, name), 'utf8')]));
}

/** A seed with characters outside ASCII (two- and four-byte UTF-8, one and two UTF-16 units). */
export function withUnicode(text) {
  return text.replaceAll('the ', 'thé ').replaceAll(' a ', ' 😀 a ').replace('\n', ' – ✅\n');
}
