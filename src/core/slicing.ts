/**
 * Long work written as generators that `yield` now and then: the page runs them in short tasks
 * (`runInSlices`, src/app/state/slices.ts); Node, tests and small inputs run them at once with
 * {@link runToEnd}. One generator per computation, so the sliced and the direct form cannot drift apart.
 */

/**
 * Runs a generator to its end without pausing and returns its result.
 * @example runToEnd(sortInSlices(events)) // the events in date order
 */
export function runToEnd<T>(work: Generator<unknown, T>): T {
  for (let step = work.next(); ; step = work.next()) if (step.done) return step.value;
}
