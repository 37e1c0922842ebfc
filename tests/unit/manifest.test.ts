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
    expect([...entries.keys()]).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(entries.get('b.txt')).toMatchObject({ outlet: 'Y', published: '' });
    expect(issues.map((i) => [i.line, i.severity, i.message])).toEqual([
      [4, 'error', 'row has no file name'],
      [5, 'error', 'published "12/04/2021" for b.txt is not a date that can be read unambiguously (use ISO 8601, YYYY-MM-DD[THH:MM]); the row is kept without a publication date'],
      [6, 'error', 'file "a.txt" is listed twice; the first row is kept'],
      [7, 'warning', 'url "ftp://x" for c.txt is not http(s); ignored'],
    ]);
    expect(entries.get('c.txt')!.url).toBe('');
  });

  it('reads publication dates as news sites print them, logging each reading; keeps the row when unreadable', () => {
    const csv = `${HEADER}a.txt,A,,"Wed Nov 23, 2016 | 4:58pm EST",,\nb.txt,B,,24 November 2016,,\nc.txt,C,,"7:58 AM ET, Sat January 3, 2015",,\nd.txt,D,,2016-11-23T16:58:00-05:00,,\ne.txt,E,,11/23/2016,,\nf.txt,F,https://f.example/x,sometime last week,Title F,\n`;
    const { entries, issues } = parseManifest(csv, 'sources.csv');
    expect([...entries.values()].map((e) => [e.file, e.published])).toEqual([
      ['a.txt', '2016-11-23'], ['b.txt', '2016-11-24'], ['c.txt', '2015-01-03'], ['d.txt', '2016-11-23T16:58:00-05:00'], ['e.txt', '2016-11-23'], ['f.txt', ''],
    ]);
    expect(entries.get('f.txt')).toMatchObject({ outlet: 'F', url: 'https://f.example/x', title: 'Title F' });
    expect(issues.map((i) => [i.line, i.severity, i.message])).toEqual([
      [2, 'warning', 'published "Wed Nov 23, 2016 | 4:58pm EST" for a.txt read as 2016-11-23'],
      [3, 'warning', 'published "24 November 2016" for b.txt read as 2016-11-24'],
      [4, 'warning', 'published "7:58 AM ET, Sat January 3, 2015" for c.txt read as 2015-01-03'],
      [6, 'warning', 'published "11/23/2016" for e.txt read as 2016-11-23'],
      [7, 'error', 'published "sometime last week" for f.txt is not a date that can be read unambiguously (use ISO 8601, YYYY-MM-DD[THH:MM]); the row is kept without a publication date'],
    ]);
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
