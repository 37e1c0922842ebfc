/** The sources.csv manifest reader (src/core/manifest.ts): good rows, bad rows with their lines. */
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest';

const HEADER = 'file,outlet,url,published,title,notes\n';

describe('parseManifest', () => {
  it('reads rows, keeping datetimes as written', () => {
    const { entries, issues } = parseManifest(`${HEADER}a.txt,Press TV,https://x.org/a,2021-04-12T14:36,"Title, with comma",note\n`);
    expect(issues).toEqual([]);
    expect(entries.get('a.txt')).toEqual({ file: 'a.txt', outlet: 'Press TV', url: 'https://x.org/a', published: '2021-04-12T14:36', title: 'Title, with comma', notes: 'note' });
  });

  it('reports bad rows with the right line, even after a multi-line cell', () => {
    const csv = `${HEADER}a.txt,X,,2021-01-01,"two\nlines",\n,No file,,,,\nb.txt,Y,,12/04/2021,,\na.txt,Dup,,,,\nc.txt,Z,ftp://x,,,\n`;
    const { entries, issues } = parseManifest(csv, 'sources.csv');
    expect([...entries.keys()]).toEqual(['a.txt', 'c.txt']);
    expect(issues.map((i) => [i.line, i.severity, i.message])).toEqual([
      [4, 'error', 'row has no file name'],
      [5, 'error', 'published "12/04/2021" for b.txt is not an ISO 8601 date (YYYY-MM-DD[THH:MM])'],
      [6, 'error', 'file "a.txt" is listed twice; the first row is kept'],
      [7, 'warning', 'url "ftp://x" for c.txt is not http(s); ignored'],
    ]);
    expect(entries.get('c.txt')!.url).toBe('');
  });

  it('lists every plain file name with its first line, also from dropped rows', () => {
    const csv = `${HEADER}a.txt,X,,2021-01-01,"two\nlines",\n,No file,,,,\nb.txt,Y,,12/04/2021,,\na.txt,Dup,,,,\nsub/c.txt,Z,,,,\n`;
    expect([...parseManifest(csv).listed]).toEqual([['a.txt', 2], ['b.txt', 5]]);
  });

  it('reports a missing file column and wrong cell counts', () => {
    expect(parseManifest('name,outlet\na,b\n').issues[0]).toMatchObject({ line: 1, severity: 'error' });
    const { issues } = parseManifest(`${HEADER}a.txt,X\n`);
    expect(issues[0]).toMatchObject({ line: 2, message: 'row has 2 cells, the header has 6' });
  });

  it('accepts an empty manifest and a BOM', () => {
    expect(parseManifest('').entries.size).toBe(0);
    expect(parseManifest(`\uFEFF${HEADER}a.txt,,,,,\n`).entries.has('a.txt')).toBe(true);
  });
});
