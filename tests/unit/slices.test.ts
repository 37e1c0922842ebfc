import { describe, expect, it } from 'vitest';
import { inSlices, runInSlices } from '../../src/app/state/slices';

/** A generator of `steps` steps of about `ms` each; `done` counts the steps taken. */
function busy(steps: number, ms: number, done: { steps: number }): Generator<void, string> {
  return (function* () {
    for (let i = 0; i < steps; i++) {
      const until = performance.now() + ms;
      while (performance.now() < until);
      done.steps++;
      if (i < steps - 1) yield;
    }
    return 'finished';
  })();
}

const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('runInSlices', () => {
  it('finishes small work at once', () => {
    let result = '';
    runInSlices(busy(1, 0, { steps: 0 }), (r) => (result = r));
    expect(result).toBe('finished');
  });

  it('gives first slices started in one task one budget together, at least one step or 2 ms each', async () => {
    await nextMacrotask();
    const a = { steps: 0 };
    const b = { steps: 0 };
    const c = { steps: 0 };
    const results = [inSlices(busy(20, 4, a), 20), inSlices(busy(20, 4, b), 20), inSlices(busy(20, 4, c), 20)];
    // The first one used the budget up (20 steps of 4 ms are more than 20 ms); the others take one step
    // (a step of 4 ms is past their 2 ms minimum).
    expect(a.steps).toBeLessThan(20);
    expect(b.steps).toBe(1);
    expect(c.steps).toBe(1);
    expect(await Promise.all(results)).toEqual(['finished', 'finished', 'finished']);
    expect([a.steps, b.steps, c.steps]).toEqual([20, 20, 20]);
  });

  it('gives the next task a budget of its own', async () => {
    await nextMacrotask();
    const first = { steps: 0 };
    void inSlices(busy(50, 4, first), 20);
    await nextMacrotask();
    const later = { steps: 0 };
    const done = inSlices(busy(10, 4, later), 100);
    expect(later.steps).toBeGreaterThan(1);
    await done;
  });

  it('still finishes small work at once when the shared budget is spent', async () => {
    await nextMacrotask();
    void inSlices(busy(20, 4, { steps: 0 }), 10);
    let result = '';
    // Three quick steps: well inside the 2 ms every first slice gets.
    runInSlices(busy(3, 0, { steps: 0 }), (r) => (result = r), 10);
    expect(result).toBe('finished');
  });

  it('stops when asked', async () => {
    const done = { steps: 0 };
    let called = false;
    const stop = runInSlices(busy(100, 2, done), () => (called = true), 5);
    stop();
    await nextMacrotask();
    await nextMacrotask();
    expect(called).toBe(false);
    expect(done.steps).toBeLessThan(100);
  });
});
