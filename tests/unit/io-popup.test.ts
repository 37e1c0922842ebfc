/**
 * Issue 11, item 6: popups of imported rows use what the row has — ACLED's `source` as outlets, `notes`
 * as the quote, the original type name, `location, admin1, country` as the place line — and list the
 * row's own columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/core/io/import';
import { keptColumnRows, placeText, rowReport, typeLabel } from '../../src/app/map/popup-format';

const text = readFileSync(join(__dirname, '../fixtures/io/import/acled-sudan.csv'), 'utf8');
const [clash, protest] = importText('acled-sudan.csv', text).events.map((e) => e.properties);
const pipelineEvent = JSON.parse(readFileSync(join(__dirname, '../fixtures/io/events.geojson'), 'utf8')).features[0].properties;

describe('popup of an ACLED row', () => {
  it('shows ACLED\'s own type name, and the taxonomy label for the pipeline\'s events', () => {
    expect(typeLabel(protest)).toBe('Protests / Peaceful protest');
    expect(typeLabel(pipelineEvent)).toBe('Meeting');
  });

  it('reads the place as location, admin1, country', () => {
    expect(placeText(protest)).toBe('Omdurman, Khartoum, Sudan');
    expect(placeText(clash)).toBe('Khartoum, Sudan');
    expect(placeText(pipelineEvent)).toBe(pipelineEvent.place_name);
  });

  it('quotes the notes once under the outlets the row names', () => {
    expect(rowReport(clash)).toEqual({
      outlets: 'Radio Dabanga, Sudan Tribune',
      quote: 'On 14 April 2023, RSF and SAF clashed near the airport, "heavy gunfire" reported; casualties unknown.',
    });
    expect(rowReport(pipelineEvent)).toBeNull();
  });

  it('titles the row by what and where, not by the notes cut short', () => {
    expect(clash.title).toBe('Armed clash — Khartoum');
    expect(clash.date_start).toBe('2023-04-14');
  });

  it('lists the row\'s columns that have a value', () => {
    const rows = keptColumnRows(protest);
    expect(rows).toContainEqual(['fatalities', '0']);
    expect(rows).toContainEqual(['assoc_actor_1', 'Women (Sudan)']);
    expect(rows.map(([name]) => name)).not.toContain('admin3');
    expect(keptColumnRows(pipelineEvent)).toEqual([]);
  });
});
