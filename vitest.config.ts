import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    // Generous: the suite must pass on a machine whose cores are busy with other work.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Commands started by tests use no warm scratch process unless a test turns it on.
    env: { PITSTOP_WARM_SCRATCH: "off" },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts"],
      reporter: ["text-summary", "html", "json-summary"],
    },
  },
});
