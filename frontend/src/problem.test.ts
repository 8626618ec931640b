import { describe, expect, it } from 'vitest';
import { describeProblem } from './problem';

describe('describeProblem', () => {
  it('lists field errors under the detail', () => {
    const text = describeProblem(
      { detail: '2 fields are invalid', errors: [{ field: 'slug', message: 'already taken' }, { field: 'avatar.alt', message: 'is required' }] },
      400,
    );
    expect(text).toBe('2 fields are invalid\nslug: already taken\navatar.alt: is required');
  });

  it('falls back to the status when there is no problem body', () => {
    expect(describeProblem(undefined, 502)).toBe('The request failed (HTTP 502).');
    expect(describeProblem(undefined, 0)).toBe('The server cannot be reached.');
  });
});
