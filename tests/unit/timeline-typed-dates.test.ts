/** Typed window dates and the folded slider's readout (src/app/timeline/typed-dates.ts). */
import { describe, expect, it } from 'vitest';
import { shortDay, shortWindow, typedWindow } from '../../src/app/timeline/typed-dates';
import { dayFromIso } from '../../src/core/timewindow';

const day = (iso: string) => dayFromIso(iso)!;

describe('typed window dates', () => {
  it('reads full dates, in order', () => {
    expect(typedWindow('2020-01-01', '2020-12-31', 'window')).toEqual({ ok: true, start: day('2020-01-01'), end: day('2020-12-31') });
    expect(typedWindow(' 2020-01-01 ', '2020-01-01', 'window')).toEqual({ ok: true, start: day('2020-01-01'), end: day('2020-01-01') });
  });

  it('says what is wrong instead of moving the window', () => {
    expect(typedWindow('2021-01-01', '2020-12-31', 'window')).toEqual({ ok: false, error: 'The start date is after the end date.' });
    expect(typedWindow('', '2020-12-31', 'window')).toMatchObject({ ok: false, error: expect.stringContaining('start date') });
    expect(typedWindow('2020-01-01', '2020-02-30', 'window')).toMatchObject({ ok: false, error: expect.stringContaining('end date') });
  });

  it('cumulative mode reads only the end', () => {
    expect(typedWindow('garbage', '2020-12-31', 'cumulative', { start: day('2014-01-01'), end: day('2021-04-30') })).toEqual({
      ok: true,
      start: day('2014-01-01'),
      end: day('2020-12-31'),
    });
  });
});

describe('short readout', () => {
  it('fits a phone: three-letter months', () => {
    expect(shortDay(day('2020-01-03'))).toBe('3 Jan 2020');
    expect(shortWindow({ start: day('2014-01-01'), end: day('2021-04-30'), mode: 'window' })).toBe('1 Jan 2014 – 30 Apr 2021');
    expect(shortWindow({ start: 0, end: day('2020-01-05'), mode: 'cumulative' })).toBe('up to 5 Jan 2020');
  });
});
