import { defineConfig } from 'vitest/config';

// Tests share a 2-core machine with real Chromium and ffmpeg processes, so
// files run one at a time and slow end-to-end cases get generous time-outs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
