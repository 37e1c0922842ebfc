import { describe, expect, it } from 'vitest';
import { citation, permalink, viewTitle } from '../../src/app/io/share';

const href = 'http://127.0.0.1:4173/app/?v=1&from=2020-01-01&to=2021-12-31&embed=1&host=https%3A%2F%2Fa.example&controls=list';

describe('share', () => {
  it('permalink drops the embed parameters and keeps the view', () => {
    expect(permalink(href)).toBe('http://127.0.0.1:4173/app/?v=1&from=2020-01-01&to=2021-12-31');
  });

  it('names the view and cites it with an access date', () => {
    const title = viewTitle({ start: '2020-01-01', end: '2021-12-31', types: ['meeting', 'strike'], text: 'Tehran' });
    expect(title).toBe('Dateline: Meeting, Strike / attack events matching “Tehran”, 2020-01-01 to 2021-12-31');
    expect(citation(title, 'https://x.example/?v=1', new Date('2026-11-26T10:00:00Z'))).toBe(
      'Dateline: Meeting, Strike / attack events matching “Tehran”, 2020-01-01 to 2021-12-31. Dateline event map. https://x.example/?v=1 (accessed 26 November 2026).',
    );
  });
});
