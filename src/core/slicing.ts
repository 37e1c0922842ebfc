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

/**
 * Units of work (events looked at, keyed or moved) between two `yield`s of a sliced generator. A page
 * slice ends at the first `yield` past its time budget, so this bounds how far a slice can overrun:
 * 10,000 events are a few milliseconds of work, still well under 50 ms with both cores busy.
 */
export const SLICE_STEP = 10_000;
