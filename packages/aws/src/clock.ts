// Time for the watches (rollouts, service deployments, tasks, CodeDeploy): the system's, or a
// test's fake one. Sleeping wakes early when the step's signal fires, so a cancel is prompt.

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};
