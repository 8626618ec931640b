import { describe, expect, it } from 'vitest';
import { nextPreviewSource } from './markdown';

describe('nextPreviewSource', () => {
  it('uses the server once it answers, the client when the endpoint does not exist', () => {
    expect(nextPreviewSource('unknown', 200)).toBe('server');
    expect(nextPreviewSource('unknown', 404)).toBe('client');
    expect(nextPreviewSource('server', 405)).toBe('client');
  });

  it('keeps the current choice on a passing failure', () => {
    expect(nextPreviewSource('server', 503)).toBe('server');
    expect(nextPreviewSource('unknown', 0)).toBe('unknown');
  });
});
