// Setup file of every test project: property tests (fast-check) run one fixed seed, so `npm test`
// passes or fails the same way on every run and machine. Exploration is on demand: FC_SEED=<integer>
// runs another seed, FC_SEED=random a fresh one; a failing property prints the line that re-runs it.
import fc from "fast-check";
import { beforeEach } from "vitest";

const DEFAULT_SEED = 20261204;

function seedFromEnvironment(requested: string | undefined): number {
  if (requested === undefined || requested === "") return DEFAULT_SEED;
  if (requested === "random") return (Math.random() * 0x1_0000_0000) | 0;
  const seed = Number(requested);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED: give an integer or "random", found "${requested}"`);
  return seed | 0;
}

const seed = seedFromEnvironment(process.env.FC_SEED);
fc.configureGlobal({ seed });

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(({ task: failed }) => {
    if (!failed.result?.errors?.some((error) => /Property failed/.test(error.message ?? ""))) return;
    console.error(
      `fast-check seed ${seed}: re-run with FC_SEED=${seed} npx vitest run ${task.file.filepath}; ` +
        "FC_SEED=random (or another integer) explores other cases.",
    );
  });
});
