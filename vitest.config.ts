import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    globalSetup: ['tests/helpers/postgresSetup.ts'],
    // Most suites wait on servers, sockets and disks. vitest runs one file fewer at a
    // time than the machine has cores, which on a two-core machine is one: two take the
    // suite from about 190 s to 140 s there, all of them on their own ports and folders.
    maxWorkers: 2,
  },
});
