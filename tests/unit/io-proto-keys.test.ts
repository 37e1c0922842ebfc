/**
 * Issue 12, finding 2: names of Object.prototype members as data. Every lookup keyed by input text is a
 * Map or a null-prototype object, so `constructor`, `__proto__`, `toString` … are just unknown words.
 */
import { describe, expect, it } from 'vitest';
import { mapEventType } from '../../src/core/io/typemap';
import { parseDate } from '../../src/core/io/dates';
import { importText } from '../../src/core/io/import';
import { isEventType } from '../../src/core/taxonomy';
import { countTypesInSlices } from '../../src/app/map/event-features';
import { runToEnd } from '../../src/core/slicing';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

describe('prototype names are unknown words', () => {
  it.each(PROTO_NAMES)('mapEventType(%s) as type or sub-type maps to nothing', (name) => {
    expect(mapEventType(name)).toBeNull();
    expect(mapEventType('', name)).toBeNull();
    expect(mapEventType(name, name)).toBeNull();
    // A known sub-type still decides when the type is a prototype name.
    expect(mapEventType(name, 'Air/drone strike')).toBe('strike');
  });

  it.each(PROTO_NAMES)('a date "12 %s 2021" is not a date', (name) => {
    // Names with underscores are not words to the date patterns at all.
    const reason = /^[a-z]+$/i.test(name) ? `unknown month name "${name}"` : `unreadable date "12 ${name} 2021"`;
    expect(parseDate(`12 ${name} 2021`)).toBe(reason);
    expect(typeof parseDate(`${name} 12, 2021`)).toBe('string');
    expect(typeof parseDate(`${name} 2021`)).toBe('string');
  });

  it('a CSV with prototype names as event_type, sub_event_type, time_precision and dates loads every row or reports it', () => {
    const rows = PROTO_NAMES.flatMap((name, i) => [
      `t${i},${name},,35.1,44.1,2021-04-12,`,
      `s${i},,${name},35.2,44.2,2021-04-12,`,
      `p${i},meeting,,35.3,44.3,2021-04-12,${name}`,
      `d${i},meeting,,35.4,44.4,12 ${name} 2021,`,
    ]);
    const text = ['event_id,event_type,sub_event_type,latitude,longitude,event_date,time_precision', ...rows].join('\n');
    const result = importText('proto.csv', text);
    // Type and sub-type rows load as Statement, with one warning per wording; the others are reported.
    expect(result.events.map((e) => e.properties.id).sort()).toEqual(PROTO_NAMES.flatMap((_, i) => [`s${i}`, `t${i}`]).sort());
    for (const event of result.events) {
      expect(isEventType(event.properties.type)).toBe(true);
      expect(event.properties.type).toBe('statement');
      // Structured-clonable: the worker posts events to the page.
      expect(() => structuredClone(event)).not.toThrow();
    }
    const errors = result.issues.filter((i) => i.severity === 'error').map((i) => i.message);
    expect(errors).toHaveLength(PROTO_NAMES.length * 2);
    for (const [i, name] of PROTO_NAMES.entries()) {
      expect(errors).toContain(`row ${i * 4 + 4}: time_precision "${name.toLowerCase()}" is not day, month, year or ACLED 1/2/3`);
      expect(errors.some((e) => e.startsWith(`row ${i * 4 + 5}: date: `) && e.includes(name))).toBe(true);
    }
    expect(JSON.stringify(result)).not.toContain('native code');
  });

  it('type counts ignore a type that is a prototype name', () => {
    const event = (type: string) => ({ type: 'Feature', geometry: null, properties: { type } }) as never;
    const counts = runToEnd(countTypesInSlices([event('meeting'), event('constructor'), event('__proto__')]));
    expect(counts.meeting).toBe(1);
    expect(Object.values(counts).every((n) => typeof n === 'number')).toBe(true);
    expect(Object.keys(counts)).not.toContain('constructor');
  });
});

describe('article words as lookup keys', () => {
  it('"two days after the constructor" names no anchor event type', async () => {
    const { ANCHOR_NOUNS } = await import('../../src/core/events');
    for (const name of PROTO_NAMES) expect(ANCHOR_NOUNS[name]).toBeUndefined();
    expect(ANCHOR_NOUNS.assassination).toBe('strike');
  });
});
