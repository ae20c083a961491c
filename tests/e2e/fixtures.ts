import { test as base } from '@playwright/test';
import { runServer, type RunningServer } from '../helpers/runServer';

// Each test gets its own real server, on its own port and data folder, so no test
// depends on what another test did to the plan. Starting one takes about a second.
export const test = base.extend<{ server: RunningServer }>({
  server: async ({}, use) => {
    const server = await runServer();
    await use(server);
    await server.dispose();
  },
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect } from '@playwright/test';
