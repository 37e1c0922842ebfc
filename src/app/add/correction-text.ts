/**
 * A reader's correction in words, for the popup (part of the first view: kept tiny).
 */
import type { EventCorrection } from '../../core/types';

const FIELD_WORDS: Record<EventCorrection['field'], string> = { place: 'Place', date: 'Date', type: 'Type', rejected: 'Rejected' };

/**
 * @example correctionText({ field: 'date', from: '2025-09-10', to: '2025-09-09', at: '2026-12-07T11:00:00Z' })
 * // 'Date: 2025-09-10 → 2025-09-09 (corrected 2026-12-07)'
 */
export function correctionText(c: EventCorrection): string {
  // Imported files may carry anything here: every member is read as text.
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return `${FIELD_WORDS[c.field] ?? text(c.field)}: ${text(c.from) || 'none'} → ${text(c.to) || 'none'} (corrected ${text(c.at).slice(0, 10)})`;
}
