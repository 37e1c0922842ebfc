/**
 * Long loops on the page in short tasks: work written as a generator that `yield`s now and then runs
 * for about `budgetMs`, then lets the browser paint and handle input before it goes on. A million
 * imported events are sorted, indexed and turned into map features this way, never in one long task.
 */

/** Time per slice: well under the 50 ms of a "long task", leaving room for the browser's own work. */
const SLICE_BUDGET_MS = 30;

/** Lets the browser run other tasks (input, paint) before continuing. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * End of the time that first slices started in the current task may use together. One change (a new
 * layer) starts several sliced computations in one Svelte flush; each running its own first slice of
 * `budgetMs` would add up to one long task.
 */
let sharedFirstSliceEnd = -Infinity;
let sharedWindowOpen = false;
/** What a first slice may always use, so small work still finishes at once when the budget is spent. */
const MIN_FIRST_SLICE_MS = 2;

function firstSliceEnd(budgetMs: number): number {
  const now = performance.now();
  if (!sharedWindowOpen) {
    sharedWindowOpen = true;
    sharedFirstSliceEnd = now + budgetMs;
    // The window closes when this task ends: the next task's first slices get a budget of their own.
    setTimeout(() => (sharedWindowOpen = false), 0);
  }
  return Math.min(now + budgetMs, Math.max(sharedFirstSliceEnd, now + MIN_FIRST_SLICE_MS));
}

/**
 * Runs a generator to its end in slices of about `budgetMs`. The first slice runs at once, so small
 * inputs finish synchronously (`onDone` is called before this returns); first slices started in the
 * same task share one budget, and each runs at least one step or 2 ms.
 * @returns a function that stops the work (`onDone` is then never called)
 * @example const stop = runInSlices(sortInSlices(events), (sorted) => (list = sorted));
 */
export function runInSlices<T>(work: Generator<unknown, T>, onDone: (result: T) => void, budgetMs = SLICE_BUDGET_MS): () => void {
  let stopped = false;
  let first = true;
  const slice = (): boolean => {
    const until = first ? firstSliceEnd(budgetMs) : performance.now() + budgetMs;
    first = false;
    for (;;) {
      const step = work.next();
      if (step.done) {
        onDone(step.value);
        return true;
      }
      if (performance.now() >= until) return false;
    }
  };
  if (!slice()) {
    void (async () => {
      do await nextTask();
      while (!stopped && !slice());
    })();
  }
  return () => {
    stopped = true;
  };
}

/** {@link runInSlices} as a promise, for code that awaits the result. */
export function inSlices<T>(work: Generator<unknown, T>, budgetMs = SLICE_BUDGET_MS): Promise<T> {
  return new Promise((resolve) => runInSlices(work, resolve, budgetMs));
}
