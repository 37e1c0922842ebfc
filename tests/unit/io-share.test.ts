import { describe, expect, it } from 'vitest';
import { citation, embedSnippet, embedUrl, permalink, viewTitle } from '../../src/app/io/share';
import { readEmbedConfig } from '../../src/app/embed/embed-config';

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

describe('embed snippet', () => {
  const options = { width: 800, height: 500, responsive: false, controls: ['slider', 'legend'] as const, hosts: ['https://course.example'], title: 'A "map" <b>' };

  it('builds the iframe URL with the embed parameters', () => {
    const url = new URL(embedUrl(href, options));
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('controls')).toBe('slider,legend');
    expect(url.searchParams.get('host')).toBe('https://course.example');
    expect(url.searchParams.get('from')).toBe('2020-01-01');
  });

  it('is a sandboxed iframe with escaped attributes, fixed or responsive', () => {
    const fixed = embedSnippet(href, options);
    expect(fixed).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:4173\/app\/\?v=1&amp;from=2020-01-01/);
    expect(fixed).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
    expect(fixed).toContain('title="A &quot;map&quot; &lt;b&gt;"');
    expect(fixed).toContain('width="800" height="500"');
    const responsive = embedSnippet(href, { ...options, responsive: true });
    expect(responsive).toContain('aspect-ratio:800 / 500');
    expect(responsive).not.toContain('width="800"');
  });

  it('reads the embed parameters back', () => {
    const config = readEmbedConfig('?embed=1&host=https://a.example,ftp://b.example&controls=slider,map');
    expect(config.embed).toBe(true);
    expect(config.origins).toEqual(['https://a.example']);
    expect([...config.controls]).toEqual(['slider']);
    expect(config.problems).toEqual(['host "ftp://b.example" must use http or https', 'controls: "map" is not one of slider, legend, list']);
    expect([...readEmbedConfig('').controls]).toEqual(['slider', 'legend']);
  });
});
