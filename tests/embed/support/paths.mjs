// Where the package is, for the suites that need nothing but the package (no ../shared).
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** The package `cargo xtask npm` builds, or another build of it (POSTMORTEM_PACKAGE=dir). */
export const PACKAGE = resolve(process.env.POSTMORTEM_PACKAGE ?? join(ROOT, 'target/npm'));
