/**
 * Issue 12, finding 11: the embed API says when `version` has the wrong type, and `?host=` accepts only
 * real origins (scheme://host[:port], the host a domain name or an IP address).
 */
import { describe, expect, it } from 'vitest';
import { parseCommand, parseHostOrigins } from '../../src/app/embed/protocol';
import { readEmbedConfig } from '../../src/app/embed/embed-config';

describe('embed message version', () => {
  it.each([
    ['1', 'version must be the number 1, not the string "1"'],
    [true, 'version must be the number 1, not a boolean'],
    [null, 'version must be the number 1, not null'],
    [undefined, 'version is missing; this map speaks version 1'],
    [[1], 'version must be the number 1, not a list'],
  ])('version %o is answered with what is wrong with its type', (version, error) => {
    expect(parseCommand({ type: 'dateline', version, command: 'getState', requestId: 7 })).toEqual({ ok: false, error, requestId: 7 });
  });

  it('a number of another version is unsupported', () => {
    expect(parseCommand({ type: 'dateline', version: 2, command: 'getState' })).toEqual({
      ok: false, error: 'unsupported version 2; this map speaks version 1', requestId: null,
    });
  });
});

describe('host origins', () => {
  it.each([
    'https://course.example"',
    "https://course.example'",
    'https://course.example<x>',
    'https://course.example%22',
    'https://cour{se}.example',
    'https://course.example:99999',
    'https://course..example',
    'https://-course.example',
    'https://course.example\\',
    'https://course.example?x=1',
  ])('%s is rejected as not an origin', (host) => {
    const { origins, problems } = parseHostOrigins(host);
    expect(origins).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('host "');
  });

  it.each([
    ['https://course.example', 'https://course.example'],
    ['https://Course.Example/', 'https://course.example'],
    ['http://localhost:8000', 'http://localhost:8000'],
    ['http://127.0.0.1:4173', 'http://127.0.0.1:4173'],
    ['https://[::1]:8443', 'https://[::1]:8443'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('%s is the origin %s', (host, origin) => {
    expect(parseHostOrigins(host)).toEqual({ origins: [origin], problems: [] });
  });

  it('a bad host is reported and skipped, the valid ones and other parameters still apply', () => {
    const config = readEmbedConfig('?embed=1&host=https://course.example",https://ok.example&controls=list');
    expect(config.origins).toEqual(['https://ok.example']);
    expect(config.problems).toEqual(['host "https://course.example"" is not an origin such as https://course.example']);
    expect(config.embed).toBe(true);
    expect([...config.controls]).toEqual(['list']);
  });
});
