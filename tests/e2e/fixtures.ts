import { test as base } from '@playwright/test';
import { runServer, type RunningServer } from '../helpers/runServer';

// One real server per test file's worker, on its own port and data folder.
export const test = base.extend<{}, { server: RunningServer }>({
  server: [
    async ({}, use) => {
      const server = await runServer();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect } from '@playwright/test';
