/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // swc strips types only (fast); `npm run typecheck` (tsc --noEmit) runs type checking in the test command.
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker that ran its share of the suite exits by itself, with nothing left on its event loop but its stdio and
  // IPC pipes (checked by logging each worker's active resources when jest ends it), yet Node's teardown of such a
  // process (a large heap, esbuild's worker threads) took 0.69 s and 0.75 s here: past jest's default 500 ms, after
  // which jest kills it and warns of a leak that is not there. A worker that really leaks still never exits, and is
  // still killed and reported, 5 s later.
  workerGracefulExitTimeout: 5000,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
};
