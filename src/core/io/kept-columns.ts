/**
 * The columns of an imported row, kept as the file had them: what Dateline's own properties do not hold
 * (ACLED's fatalities, admin1/admin2, actor1/actor2, inter1, interaction, source_scale …) and the file's
 * own wording of what they do hold (ACLED's event_date "03 January 2020", event_type "Protests").
 */
import type { EventProperties, ImportedColumns } from '../types';

/** Separates cells in {@link ImportedColumns.row}; a row with this character in a cell is written as JSON. */
const SEPARATOR = '\u001f';
const AS_JSON = '\u0000';

/**
 * One string for a row's cells (see {@link ImportedColumns}).
 * @example decodeCells(encodeCells(['a', 'b,c'])) // ['a', 'b,c']
 */
export function encodeCells(cells: readonly string[]): string {
  for (const cell of cells) if (cell.includes(SEPARATOR) || cell.startsWith(AS_JSON)) return AS_JSON + JSON.stringify(cells);
  return cells.join(SEPARATOR);
}

/** The cells {@link encodeCells} wrote. */
export function decodeCells(row: string): string[] {
  return row.startsWith(AS_JSON) ? (JSON.parse(row.slice(1)) as string[]) : row.split(SEPARATOR);
}

/**
 * An imported event's own columns as [name, value] pairs in file order ([] for pipeline events).
 * @example keptColumns(acledEvent.properties).find(([name]) => name === 'fatalities') // ['fatalities', '3']
 */
export function keptColumns(p: Pick<EventProperties, 'columns'>): [string, string][] {
  if (!p.columns) return [];
  const cells = decodeCells(p.columns.row);
  return p.columns.header.map((name, i) => [name, cells[i] ?? '']);
}

/**
 * A kept column's value by its name, compared case-insensitively ('' when the row has none).
 * @example keptValue(p, 'admin1') // 'Khartoum'
 */
export function keptValue(p: Pick<EventProperties, 'columns'>, name: string): string {
  if (!p.columns) return '';
  const index = p.columns.header.findIndex((h) => h.trim().toLowerCase() === name);
  return index < 0 ? '' : decodeCells(p.columns.row)[index] ?? '';
}
