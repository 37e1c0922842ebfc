/**
 * Applies a reader's corrections to the events read from added articles. A correction finds its event by
 * the evidence it was made on (an added article's quote: file and start offset), sets the place, date or
 * type, and records itself in the event's provenance: `corrections` and a sentence in `notes`. A rejected
 * event leaves the map and is listed, so the rejection can be undone.
 */
import { lastDayCovered } from '../../core/calendar';
import { eventGeometry, roundCoord } from '../../core/geojson';
import { GEO_PRECISION, type Gazetteer } from '../../core/gazetteer/index';
import { EVENT_TYPE_INFO } from '../../core/taxonomy';
import type { DatelineEvent, EventCorrection, EventProperties } from '../../core/types';
import type { RejectedEvent, StoredCorrection } from './protocol';

/** The event a correction was made on: the one quoting its evidence, else the one with its id. */
export function correctedEvent<E extends DatelineEvent>(events: readonly E[], c: Pick<StoredCorrection, 'file' | 'start' | 'eventId'>): E | undefined {
  return events.find((e) => e.properties.sources.some((s) => s.file === c.file && s.start === c.start)) ?? events.find((e) => e.properties.id === c.eventId);
}

const placeWords = (p: Pick<EventProperties, 'place_name' | 'place_id'>) => (p.place_id ? `${p.place_name} (${p.place_id})` : p.place_name);

/** A short title for a corrected event: its type, who, where. */
function titleFor(p: EventProperties): string {
  const names = p.actors.slice(0, 2).join(' and ') + (p.actors.length > 2 ? ' and others' : '');
  return `${EVENT_TYPE_INFO[p.type].label}${names ? ` — ${names}` : ''}${p.place_name ? ` in ${p.place_name}` : ''}`;
}

/**
 * Applies the corrections in order (the latest of each kind wins).
 * @param events the events (added layer and shown events the added articles report), not changed
 * @param corrections the stored corrections, oldest first
 * @param gazetteer for a corrected place's area shape
 * @returns the corrected events (rejected ones left out), and the rejected ones
 */
export function applyCorrections(events: readonly DatelineEvent[], corrections: readonly StoredCorrection[], gazetteer: Gazetteer): { events: DatelineEvent[]; rejected: RejectedEvent[] } {
  const out = events.map((e) => ({ ...e, properties: { ...e.properties } }));
  const rejected: RejectedEvent[] = [];
  const gone = new Set<DatelineEvent>();
  for (const c of corrections) {
    const event = correctedEvent(out, c);
    if (!event || gone.has(event)) continue;
    const p = event.properties;
    let record: EventCorrection;
    const v = c.value;
    if (v.field === 'rejected') {
      gone.add(event);
      rejected.push({ correctionId: c.id, title: p.title, file: c.file });
      continue;
    } else if (v.field === 'place') {
      const place = v.place;
      record = { field: 'place', from: placeWords(p), to: `${place.name} (${place.id})`, at: c.at };
      Object.assign(p, {
        place_name: place.name, place_id: place.id, place_precision: place.precision, geo_precision: GEO_PRECISION[place.precision],
        country: place.country, lon: roundCoord(place.lon), lat: roundCoord(place.lat),
      });
      const area = place.precision === 'region' || place.precision === 'country' ? gazetteer.geometry(place.id) : null;
      event.geometry = eventGeometry(place.lon, place.lat, area);
      delete p.origin;
      p.title = titleFor(p);
    } else if (v.field === 'date') {
      record = { field: 'date', from: p.date_start ?? '', to: v.date, at: c.at };
      Object.assign(p, { date_start: v.date, date_end: lastDayCovered(v.date, 'day'), time_precision: 'day' });
    } else {
      record = { field: 'type', from: p.type, to: v.type, at: c.at };
      p.type = v.type;
      p.title = titleFor(p);
    }
    p.corrections = [...(p.corrections ?? []), record];
    const sentence = `${record.field} corrected by a reader from ${record.from || 'none'} to ${record.to} (${record.at.slice(0, 10)})`;
    p.notes = [p.notes, sentence].filter(Boolean).join('; ');
  }
  return { events: out.filter((e) => !gone.has(e)), rejected };
}
