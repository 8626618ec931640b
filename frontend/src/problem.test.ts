import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, fieldErrors, messageOf } from './problem';

describe('describeProblem', () => {
  it('lists field errors under the detail', () => {
    const text = describeProblem(
      { detail: '2 fields are invalid', errors: [{ field: 'slug', message: 'already taken' }, { field: 'avatar.alt', message: 'is required' }] },
      400,
    );
    expect(text).toBe('2 fields are invalid\nslug: already taken\navatar.alt: is required');
  });

  it('falls back to the title, then to the status when there is no problem body', () => {
    expect(describeProblem({ title: 'Not allowed' }, 403)).toBe('Not allowed');
    expect(describeProblem(undefined, 502)).toBe('The request failed (HTTP 502).');
    expect(describeProblem(undefined, 0)).toBe('The server cannot be reached.');
  });
});

describe('fieldErrors', () => {
  it('keys messages by field and joins repeats', () => {
    expect(fieldErrors({ errors: [{ field: 'headline', message: 'must not be blank' }, { field: 'headline', message: 'too long' }, { field: 'tags[0]', message: 'bad' }] }))
      .toEqual({ headline: 'must not be blank; too long', 'tags[0]': 'bad' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('ApiError', () => {
  it('carries the words of the problem and knows a version conflict', () => {
    const error = new ApiError(412, { detail: 'Someone changed this', currentVersion: 4 });
    expect(error.message).toBe('Someone changed this');
    expect(error.isConflict).toBe(true);
    expect(messageOf(error)).toBe('Someone changed this');
    expect(messageOf(new TypeError('Failed to fetch'))).toBe('The server cannot be reached.');
  });
});
