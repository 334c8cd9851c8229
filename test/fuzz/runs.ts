// How many generated inputs the hostile-input properties run. The suite's default keeps the whole
// fuzz set (shopper API + webhooks) at FUZZ_TOTAL_DEFAULT inputs; `npm run test:fuzz` sets
// FUZZ_TOTAL=10000. Each property gets its share of the total (weights sum to 1 per file pair).
export const FUZZ_TOTAL_DEFAULT = 1_000;

export function fuzzRuns(share: number): number {
  const raw = Number(process.env.FUZZ_TOTAL ?? FUZZ_TOTAL_DEFAULT);
  const total = Number.isFinite(raw) && raw > 0 ? raw : FUZZ_TOTAL_DEFAULT;
  return Math.max(1, Math.round(total * share));
}

/** Fixed seed unless FUZZ_SEED is given, so a failure reproduces; fast-check prints the seed and path. */
export const fuzzSeed = (): number => Number(process.env.FUZZ_SEED ?? 7);

/** Test timeout for a property of `runs` inputs at up to `msPerRun` each. */
export const timeoutFor = (runs: number, msPerRun = 40) => 30_000 + runs * msPerRun;
