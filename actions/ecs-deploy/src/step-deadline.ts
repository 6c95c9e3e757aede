// The step's one deadline: timeout-minutes counts from the step's start, not from the watch's. The
// calls before the watch (read the service, register, run-task, update) go through a client whose
// signal aborts at the deadline, and the step stops waiting for them then; the watch gets the
// time that is left and ends itself at the same moment, so a rollback can still follow it.

/** The reason of the deadline's signal when timeout-minutes passes. */
export class DeadlinePassed extends Error {
  constructor(readonly timeoutMinutes: number) {
    super(`timeout-minutes (${timeoutMinutes}) passed`);
    this.name = "DeadlinePassed";
  }
}

export class StepDeadline {
  /** Aborts when the step is cancelled (the cancel's reason) or the deadline passes (a DeadlinePassed). */
  readonly signal: AbortSignal;
  private readonly passed = new AbortController();
  private readonly endsAt: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly timeoutMinutes: number,
    cancel: AbortSignal,
    private readonly now: () => number = Date.now,
  ) {
    const ms = timeoutMinutes * 60_000;
    this.endsAt = now() + ms;
    this.timer = setTimeout(() => this.expire(), ms);
    // The deadline must not keep a finished step's process alive.
    this.timer.unref();
    this.signal = AbortSignal.any([cancel, this.passed.signal]);
  }

  /** Ends the time now (the timer calls it; tests call it in place of waiting). */
  expire(): void {
    clearTimeout(this.timer);
    if (!this.passed.signal.aborted) this.passed.abort(new DeadlinePassed(this.timeoutMinutes));
  }

  get hasPassed(): boolean {
    return this.passed.signal.aborted;
  }

  /** Milliseconds left; 0 once passed. */
  remainingMs(): number {
    return this.hasPassed ? 0 : Math.max(0, this.endsAt - this.now());
  }

  /**
   * What `work` gives, or the signal's reason as soon as it aborts: the step does not wait for a
   * call that outlives the deadline (the client's signal aborts the call itself).
   */
  race<T>(work: Promise<T>): Promise<T> {
    const signal = this.signal;
    if (signal.aborted) {
      work.catch(() => {});
      return Promise.reject(signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }
}
