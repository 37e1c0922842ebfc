import { describe, expect, it } from 'vitest';
import { parseCommand, parseHostOrigins, envelope } from '../../src/app/embed/protocol';

const msg = (m: object) => ({ type: 'dateline', version: 1, ...m });

describe('parseCommand', () => {
  it('accepts the four commands and keeps the request id', () => {
    expect(parseCommand(msg({ command: 'setTimeWindow', start: '2020-01-01', end: '2020-12-31', requestId: 7 }))).toEqual({
      ok: true,
      command: { command: 'setTimeWindow', start: '2020-01-01', end: '2020-12-31', requestId: 7 },
    });
    expect(parseCommand(msg({ command: 'selectEvent', id: null }))).toEqual({ ok: true, command: { command: 'selectEvent', id: null } });
    expect(parseCommand(msg({ command: 'setLayers', types: ['meeting'] }))).toEqual({ ok: true, command: { command: 'setLayers', types: ['meeting'] } });
    expect(parseCommand(msg({ command: 'getState', requestId: 'a' }))).toEqual({ ok: true, command: { command: 'getState', requestId: 'a' } });
  });

  it('refuses bad commands with a reason', () => {
    expect(parseCommand(msg({ command: 'setTimeWindow', start: '2021', end: '2020-12-31' }))).toMatchObject({ ok: false, error: 'start must be a YYYY-MM-DD date' });
    expect(parseCommand(msg({ command: 'setTimeWindow', start: '2021-01-01', end: '2020-12-31' }))).toMatchObject({ ok: false, error: 'end is before start' });
    expect(parseCommand(msg({ command: 'setLayers', types: ['bogus'] }))).toMatchObject({ ok: false });
    expect(parseCommand(msg({ command: 'explode', requestId: 3 }))).toEqual({ ok: false, error: 'unknown command "explode"', requestId: 3 });
    expect(parseCommand({ type: 'dateline', version: 2, command: 'getState' })).toMatchObject({ ok: false, error: expect.stringMatching(/version 2/) });
  });

  it('ignores messages that are not ours, and our own notices', () => {
    expect(parseCommand('hello')).toBeNull();
    expect(parseCommand({ type: 'other', command: 'getState' })).toBeNull();
    expect(parseCommand(envelope({ event: 'heightChanged', height: 3 }))).toBeNull();
  });
});

describe('parseHostOrigins', () => {
  it('keeps http(s) origins and explains the rest', () => {
    const { origins, problems } = parseHostOrigins('https://course.example, http://127.0.0.1:4174/ https://course.example * javascript:alert(1) https://x.example/path null');
    expect(origins).toEqual(['https://course.example', 'http://127.0.0.1:4174']);
    expect(problems).toEqual([
      'host "*" is not an origin such as https://course.example',
      'host "javascript:alert(1)" must use http or https',
      'host "https://x.example/path" must be an origin only (no path, query or credentials)',
      'host "null" is not an origin such as https://course.example',
    ]);
    expect(parseHostOrigins(null)).toEqual({ origins: [], problems: [] });
  });
});
