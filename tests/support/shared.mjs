// Where the JavaScript suites (tests/e2e, tests/embed, tests/bench) find ../shared: the real
// postmortems (seeds, corpus, golden documents) that sit beside the repository in CI but are no
// part of it. POSTMORTEM_SHARED names the folder instead of <repository>/../shared. The Rust
// suites find it the same way, through crates/postmortem_testdata.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');
const VARIABLE = 'POSTMORTEM_SHARED';
const FROM_VARIABLE = Boolean(process.env[VARIABLE]);
/** The shared folder. */
export const SHARED = FROM_VARIABLE ? resolve(process.env[VARIABLE]) : resolve(ROOT, '../shared');

const isDirectory = (path) => existsSync(path) && statSync(path).isDirectory();

/** The path of `path` inside the shared folder (`'seeds'`, `'seeds/004_….txt'`), or null if missing. */
export function sharedPath(path) {
  const full = join(SHARED, path);
  return existsSync(full) ? full : null;
}

/**
 * The path of `path` inside the shared folder. When it is missing, the suite (this test file)
 * runs nothing: one line says what was skipped and why, and the process ends successfully.
 */
export function needShared(path, suite = relative(ROOT, process.argv[1] ?? 'this suite')) {
  const found = sharedPath(path);
  if (found) return found;
  const shown = FROM_VARIABLE ? process.env[VARIABLE].replace(/\/+$/, '') : '../shared';
  const missing = isDirectory(SHARED) ? `${shown}/${path}` : shown;
  console.log(`skipped: ${suite}: ${missing} not found (set ${VARIABLE})`);
  process.exit(0);
}

/** `needShared`, as a file URL. */
export function sharedUrl(path, suite) {
  return pathToFileURL(needShared(path, suite));
}
