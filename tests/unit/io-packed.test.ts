import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/core/io/import';
import { EventPacker, EventUnpacker, packedTransferables, type PackedEvents } from '../../src/core/io/packed';
import type { DatelineEvent } from '../../src/core/types';

const dir = join(__dirname, '../fixtures/io/import');
const inputs = readdirSync(dir).filter((f) => /\.(csv|geojson)$/.test(f)).map((f) => join(dir, f));
// Dateline's own format: sources with quotes and highlights, conflicts, areas.
inputs.push(join(__dirname, '../fixtures/io/events.geojson'), join(__dirname, '../../data/events.geojson'));

/** Packs in batches of `size`, sends each through a structured clone (as postMessage does), unpacks. */
function transit(events: readonly DatelineEvent[], size: number): { events: DatelineEvent[]; messages: PackedEvents[] } {
  const packer = new EventPacker();
  const unpacker = new EventUnpacker();
  const out: DatelineEvent[] = [];
  const messages: PackedEvents[] = [];
  for (let i = 0; i < events.length; i += size) {
    const message = v8.deserialize(v8.serialize(packer.pack(events.slice(i, i + size)))) as PackedEvents;
    messages.push(message);
    out.push(...unpacker.unpack(message));
  }
  return { events: out, messages };
}

describe('packed import batches', () => {
  for (const file of inputs) {
    it(`${file.split('/').slice(-2).join('/')}: events arrive exactly as read, in batches of 1, 3 and all`, () => {
      const { events } = importText(file.split('/').at(-1)!, readFileSync(file, 'utf8'));
      expect(events.length).toBeGreaterThan(0);
      for (const size of [1, 3, events.length]) {
        const arrived = transit(events, size).events;
        // JSON text, not only deep equality: key order is what an exported GeoJSON shows.
        expect(JSON.stringify(arrived)).toBe(JSON.stringify(events));
        expect(arrived).toEqual(events);
      }
    });
  }

  it('sends a repeated value once per import and shares it on the page', () => {
    const csv = 'event_id,event_date,latitude,longitude,location,country,actor1,notes\n' +
      Array.from({ length: 50 }, (_, i) => `e${i},2020-01-0${1 + (i % 3)},33.3,44.4,Baghdad,Iraq,Group ${i % 2},Note ${i}.`).join('\n');
    const { events } = importText('shared.csv', csv);
    const { events: arrived, messages } = transit(events, 10);
    const sent = messages.flatMap((m) => m.newValues);
    expect(sent.filter((v) => v === 'Baghdad')).toHaveLength(1);
    expect(sent.filter((v) => v === '2020-01-02')).toHaveLength(1);
    expect(messages.slice(1).every((m) => !m.newValues.includes('Iraq'))).toBe(true);
    // One list object per distinct actor cell, frozen because events share it.
    expect(arrived[0].properties.actors).toBe(arrived[2].properties.actors);
    expect(arrived[0].properties.actors).not.toBe(arrived[1].properties.actors);
    expect(Object.isFrozen(arrived[0].properties.actors)).toBe(true);
    // A one-sentence note is the title: it crosses once.
    expect(messages[0].notes.every((n) => n === null)).toBe(true);
    expect(arrived[7].properties.notes).toBe('Note 7.');
  });

  it('carries events that do not fit the columns whole: other geometry, extra properties', () => {
    const { events } = importText('mixed.csv', 'event_id,event_date,latitude,longitude\na,2020-01-01,10,20\nb,2020-01-02,11,21\n');
    const polygon: DatelineEvent = {
      ...events[0],
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
      properties: { ...events[0].properties, id: 'area' },
    };
    const extra = { ...events[1], properties: { ...events[1].properties, id: 'extra', custom: 'kept' } } as DatelineEvent;
    const travelled = { ...events[1], properties: { ...events[1].properties, id: 'trip', origin: { name: 'Lima', place_id: 'x', lon: -77, lat: -12 } } };
    const input = [polygon, events[0], extra, travelled, events[1]];
    const { events: arrived, messages } = transit(input, input.length);
    expect(messages[0].whole.map(([i]) => i)).toEqual([0, 2, 3]);
    expect(JSON.stringify(arrived)).toBe(JSON.stringify(input));
  });

  it('lists its typed arrays for transfer', () => {
    const { events } = importText('t.csv', 'event_id,event_date,latitude,longitude\na,2020-01-01,10,-5.5\n');
    const packed = new EventPacker().pack(events);
    expect(packedTransferables(packed)).toEqual([packed.codes.buffer, packed.lonLat.buffer, packed.geoPrecision.buffer, packed.columnHeaders.buffer]);
    expect([...packed.lonLat]).toEqual([-5.5, 10]);
  });
});
