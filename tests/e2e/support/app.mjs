// The built app served and Chromium launched for one test file; both close after its tests.
import { after } from 'node:test';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export async function startApp() {
  const server = await serve();
  const browser = await launch();
  after(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}
