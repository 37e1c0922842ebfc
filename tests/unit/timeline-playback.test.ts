/** Playback (src/app/timeline/playback.ts and TimelineState): relative speed, skipping empty stretches. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TimelineState } from '../../src/app/state/timeline.svelte';
import { hasEventIn, nextEventStart, playbackIndex, playbackRate, playbackStep, PLAYBACK } from '../../src/app/timeline/playback';
import { spansExtent } from '../../src/core/timewindow';
import { spanOf } from '../../src/core/eventfilter';
import type { DatelineEvent } from '../../src/core/types';

const events = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/timewindow/eventfilter/in/seed-like.json'), 'utf8')) as {
    features: DatelineEvent[];
  }
).features;

/** Plays from the URL-like window to the end in 50 ms frames; what a viewer sees each frame. */
function playThrough(from: string, to: string, mode: 'window' | 'cumulative' = 'window') {
  const timeline = new TimelineState(events);
  timeline.mode = mode;
  timeline.setWindowIso(from, to);
  timeline.play();
  timeline.pause(); // no timers here: frames are driven by hand
  timeline.playing = true;
  const index = playbackIndex(timeline.spans);
  let ms = 0;
  let emptyMs = 0;
  while (timeline.playing && ms < 120_000) {
    timeline.advance(50);
    ms += 50;
    if (!hasEventIn(index, timeline.start, timeline.end, 'window')) emptyMs += 50;
  }
  return { ms, emptyMs, timeline };
}

describe('playback index', () => {
  const index = playbackIndex([{ start: 10, end: 40 }, null, { start: 100, end: 100 }, { start: 20, end: 25 }]);

  it('answers whether a window shows an event, or one that began in it', () => {
    expect(hasEventIn(index, 30, 50, 'window')).toBe(true); // the 10–40 span overlaps
    expect(hasEventIn(index, 41, 99, 'window')).toBe(false);
    expect(hasEventIn(index, 0, 9, 'window')).toBe(false);
    expect(hasEventIn(index, 30, 50, 'cumulative')).toBe(false); // nothing began in 30–50
    expect(hasEventIn(index, 15, 50, 'cumulative')).toBe(true);
  });

  it('finds the next event', () => {
    expect(nextEventStart(index, 20)).toBe(100);
    expect(nextEventStart(index, 100)).toBeNull();
  });
});

describe('playback speed and empty stretches', () => {
  it('moves a window by its own width in the same time, whatever the width', () => {
    expect(playbackRate(365, 1) * PLAYBACK.windowSeconds).toBe(365);
    expect(playbackRate(30, 1) * PLAYBACK.windowSeconds).toBe(30);
    expect(playbackRate(30, 2)).toBe(2 * playbackRate(30, 1));
  });

  it('jumps over a stretch with nothing to show, to where the next event enters', () => {
    const index = playbackIndex([{ start: 0, end: 0 }, { start: 1000, end: 1000 }]);
    const at = { width: 10, mode: 'window' as const, speed: 1, domainEnd: 2000 };
    expect(playbackStep(index, { ...at, position: 5 }, 1000)).toEqual({ position: 5 + playbackRate(10, 1), done: false });
    expect(playbackStep(index, { ...at, position: 10 }, 1000)).toEqual({ position: 1000, done: false });
    expect(playbackStep(index, { ...at, position: 1005 }, 4000)).toEqual({ position: 2000, done: true });
  });

  it('from a one-year window, plays for seconds, not a blink: it rewinds when a width is all that is left', () => {
    const { ms } = playThrough('2020-01-01', '2020-12-31');
    expect(ms).toBeGreaterThan(2 * PLAYBACK.windowSeconds * 1000);
  });

  it('spends most of the time showing events, not empty years', () => {
    const full = spansExtent(events.map((e) => spanOf(e.properties)))!;
    expect(full.end - full.start).toBeGreaterThan(5 * 365); // the fixture has empty years to skip
    const { ms, emptyMs, timeline } = playThrough('2014-01-01', '2014-12-31');
    expect(timeline.end).toBe(timeline.domain!.end);
    expect(emptyMs / ms).toBeLessThan(0.1);
    expect(ms).toBeLessThan(20_000);
  });

  it('cumulative mode also skips to the next event', () => {
    const { ms, timeline } = playThrough('2014-01-01', '2014-01-01', 'cumulative');
    expect(timeline.end).toBe(timeline.domain!.end);
    expect(ms).toBeGreaterThan(PLAYBACK.windowSeconds * 1000);
    expect(ms).toBeLessThan(20_000); // the empty years 2015–2019 at a year per 4 s would take 20 s alone
  });
});
