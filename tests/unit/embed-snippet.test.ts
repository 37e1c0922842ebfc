import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, MAX_EMBED_HEIGHT } from '../../src/app/embed/snippet';
import { readEmbedConfig } from '../../src/app/embed/embed-config';
import { preferredEmbedHeight, preferredMapHeight } from '../../src/app/embed/layout';

const href = 'http://127.0.0.1:4173/app/?v=1&from=2020-01-01&to=2021-12-31&embed=1&host=https%3A%2F%2Fa.example&controls=list';
const options = { width: 800, height: 500, responsive: false, controls: ['slider', 'legend'] as const, hosts: ['https://course.example'], title: 'A "map" <b>' };

/** Runs the snippet's script the way a host page would: one `message` listener, iframes found by their window. */
function hostPage(snippet: string) {
  const script = /<script>([\s\S]*)<\/script>/.exec(snippet)?.[1];
  if (!script) throw new Error('the snippet has no script');
  const listeners: ((e: unknown) => void)[] = [];
  const frames = [{ contentWindow: { name: 'map' }, style: { height: '' } }, { contentWindow: { name: 'other' }, style: { height: '' } }];
  vm.runInNewContext(script, {
    addEventListener: (type: string, fn: (e: unknown) => void) => type === 'message' && listeners.push(fn),
    document: { querySelectorAll: () => frames },
    Math,
    Number,
  });
  const post = (data: unknown, origin = 'http://127.0.0.1:4173', source: unknown = frames[0].contentWindow) =>
    listeners.forEach((fn) => fn({ data, origin, source }));
  return { frames, post, listeners };
}

describe('embed snippet', () => {
  it('builds the iframe URL with the embed parameters', () => {
    const url = new URL(embedUrl(href, options));
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('controls')).toBe('slider,legend');
    expect(url.searchParams.get('host')).toBe('https://course.example');
    expect(url.searchParams.get('from')).toBe('2020-01-01');
  });

  it('is a sandboxed iframe with escaped attributes, fixed size without script', () => {
    const fixed = embedSnippet(href, options);
    expect(fixed).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:4173\/app\/\?v=1&amp;from=2020-01-01/);
    expect(fixed).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
    expect(fixed).toContain('title="A &quot;map&quot; &lt;b&gt;"');
    expect(fixed).toContain('width="800" height="500"');
    expect(fixed).not.toContain('<script');
  });

  it('responsive: full width, and a host-page script sets the height the map asks for', () => {
    const responsive = embedSnippet(href, { ...options, responsive: true });
    expect(responsive).toContain('width:100%;height:500px');
    expect(responsive).not.toContain('width="800"');
    const host = hostPage(responsive);
    expect(host.listeners).toHaveLength(1);
    host.post({ type: 'dateline', version: 1, event: 'heightChanged', height: 431 });
    expect(host.frames.map((f) => f.style.height)).toEqual(['431px', '']);
  });

  it("responsive: the script ignores other origins, other frames, other messages and absurd heights", () => {
    const host = hostPage(embedSnippet(href, { ...options, responsive: true }));
    host.post({ type: 'dateline', version: 1, event: 'heightChanged', height: 400 }, 'https://evil.example');
    host.post({ type: 'dateline', version: 1, event: 'heightChanged', height: 400 }, 'http://127.0.0.1:4173', { name: 'stranger' });
    host.post({ type: 'other', event: 'heightChanged', height: 400 });
    host.post({ type: 'dateline', version: 1, event: 'ready', height: 400 });
    host.post({ type: 'dateline', version: 1, event: 'heightChanged', height: 'x' });
    host.post({ type: 'dateline', version: 1, event: 'heightChanged', height: -5 });
    host.post(null);
    expect(host.frames.map((f) => f.style.height)).toEqual(['', '']);
    host.post({ type: 'dateline', version: 1, event: 'heightChanged', height: 1e9 });
    expect(host.frames[0].style.height).toBe(`${MAX_EMBED_HEIGHT}px`);
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

describe('embed height', () => {
  it('gives a phone a nearly square map and a desktop a landscape one', () => {
    expect(preferredMapHeight(343)).toBe(300);
    expect(preferredMapHeight(448)).toBe(358);
    expect(preferredMapHeight(1248)).toBe(540);
    expect(preferredEmbedHeight(343, 95.5)).toBe(396);
    expect(preferredEmbedHeight(343, -3)).toBe(300);
  });
});
