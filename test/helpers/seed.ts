// The seed of every property test (test/setup/seed-fast-check.ts makes it fast-check's global one): fixed, so that
// every run draws the same inputs and a failure repeats; VIDEO_LOGS_TEST_SEED draws others. fast-check prints the seed
// and the failing case's path in a failure's message.
export const SEED = Number(process.env.VIDEO_LOGS_TEST_SEED ?? 20260426);

/** fast-check's parameters for a seeded run. */
export const seeded = { seed: SEED } as const;
