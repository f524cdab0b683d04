// The example page as a site would deploy it: its files, with the package vendored next to them.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE, ROOT } from './package.mjs';

export const SITE_SOURCE = join(ROOT, 'examples/embed-site');
export const SITE = join(ROOT, 'target/embed-tests/site');

/** Copies examples/embed-site/ and target/npm/ (as vendor/postmortem/) into target/. */
export async function stageSite() {
  await rm(SITE, { recursive: true, force: true });
  await cp(SITE_SOURCE, SITE, { recursive: true });
  await cp(PACKAGE, join(SITE, 'vendor/postmortem'), { recursive: true });
  return SITE;
}
