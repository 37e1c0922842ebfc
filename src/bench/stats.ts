/** Small statistics shared by the benchmarks. */

/**
 * The middle value (the upper middle for an even count): what the benchmarks report of repeated runs,
 * as one slow run on a shared machine should not move the figure.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
