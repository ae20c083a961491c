import { build } from 'vite';

// Build the client once for all test servers, so that servers started in parallel
// find it up to date instead of each building it.
export default async function globalSetup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
