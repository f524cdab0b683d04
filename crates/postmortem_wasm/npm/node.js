// The package's entry in Node.js: the same exports, with the wasm read from disk and
// initialised on import, since Node's `fetch` cannot read files and a server has no reason to
// wait for a first call. `init()` still works and does nothing more.
import { readFileSync } from 'node:fs';
import { initSync } from './postmortem.js';

initSync({ module: readFileSync(new URL('./postmortem_bg.wasm', import.meta.url)) });

export * from './postmortem.js';
export { default } from './postmortem.js';
