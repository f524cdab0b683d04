// Serves the example page with the built package: `cargo xtask npm`, then
// `node tests/embed/serve-example.mjs`, and open the printed address.
import { serve } from '../e2e/support/server.mjs';
import { stageSite } from './support/site.mjs';

const server = await serve({ root: await stageSite() });
console.log(`The example site is on ${server.url} (Ctrl-C to stop)`);
