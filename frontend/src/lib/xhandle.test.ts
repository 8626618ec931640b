import { describe, expect, it } from 'vitest';
import { normalizeXHandle } from './xhandle';

const handle = (input: string) => {
  const result = normalizeXHandle(input);
  return result.kind === 'ok' ? result.handle : result.kind;
};

describe('normalizeXHandle', () => {
  it('turns profile addresses into the handle', () => {
    expect(handle('https://x.com/priyan')).toBe('@priyan');
    expect(handle('https://twitter.com/JaneDoeNews/')).toBe('@JaneDoeNews');
    expect(handle('http://www.x.com/jane_doe?s=21')).toBe('@jane_doe');
    expect(handle('x.com/priyan')).toBe('@priyan');
    expect(handle('mobile.twitter.com/priyan#top')).toBe('@priyan');
    expect(handle('  HTTPS://X.COM/Priyan  ')).toBe('@Priyan');
  });

  it('adds the @ to a bare handle and keeps one that has it', () => {
    expect(handle('JaneDoeNews')).toBe('@JaneDoeNews');
    expect(handle('@JaneDoeNews')).toBe('@JaneDoeNews');
    expect(handle(' @jane_1 ')).toBe('@jane_1');
  });

  it('is empty for nothing typed', () => {
    expect(normalizeXHandle('')).toEqual({ kind: 'empty' });
    expect(normalizeXHandle('   ')).toEqual({ kind: 'empty' });
    expect(normalizeXHandle(null)).toEqual({ kind: 'empty' });
  });

  it('explains in words what cannot be a handle', () => {
    const reason = (input: string) => {
      const result = normalizeXHandle(input);
      return result.kind === 'invalid' ? result.reason : `not invalid: ${JSON.stringify(result)}`;
    };
    expect(reason('https://mastodon.social/@jane')).toMatch(/Only an x\.com or twitter\.com profile address/);
    expect(reason('https://x.com/')).toMatch(/no handle in it/);
    expect(reason('https://x.com/jane/status/123')).toMatch(/not a profile address/);
    expect(reason('https://x.com/home')).toMatch(/not a profile address/);
    expect(reason('@')).toMatch(/after the @/);
    expect(reason('jane doe')).toMatch(/only letters, digits and underscores/);
    expect(reason('@a_very_long_handle_name')).toMatch(/at most 15 characters; this one has 23/);
    expect(reason('http://')).toMatch(/neither a handle nor a profile address/);
  });

  it('gives only handles the service accepts', () => {
    for (const input of ['https://x.com/priyan', 'JaneDoeNews', '@a_b_c', 'twitter.com/Z9']) {
      const result = normalizeXHandle(input);
      expect(result.kind).toBe('ok');
      if (result.kind === 'ok') expect(result.handle).toMatch(/^@?[A-Za-z0-9_]{1,15}$/);
    }
  });
});
