import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, fieldErrors, fieldLabel, messageOf, plainMessage } from './problem';

describe('describeProblem', () => {
  it('says each field error once, in words, without field keys or the repeated detail', () => {
    // What the articles service answers to a submit without a byline: the detail repeats the only error.
    const text = describeProblem(
      { detail: 'byline: needs at least one author before the article is submitted', errors: [{ field: 'byline', message: 'needs at least one author before the article is submitted' }] },
      400,
    );
    expect(text).toBe('Byline: Add at least one author to the byline before submitting.');
    expect(text).not.toContain('byline:');
  });

  it('names nested and indexed fields in words and drops duplicates', () => {
    const text = describeProblem(
      { detail: '3 fields are invalid', errors: [{ field: 'heroImage.alt', message: 'is required when there is an image url' }, { field: 'at', message: 'must be a time in the future to schedule publishing' }, { field: 'at', message: 'must be a time in the future to schedule publishing' }] },
      400,
    );
    expect(text).toBe('Hero image alt text: Describe the image: alt text is needed with an image.\nPublication time: Choose a time in the future.');
  });

  it('falls back to the detail, the title, then to the status when there is no problem body', () => {
    expect(describeProblem({ title: 'Not allowed' }, 403)).toBe('Not allowed');
    expect(describeProblem(undefined, 502)).toBe('The request failed (HTTP 502).');
    expect(describeProblem(undefined, 0)).toBe('The server cannot be reached.');
  });
});

describe('the hero image from the media library', () => {
  it('names its fields and says a missing picture in plain words', () => {
    expect(fieldLabel('heroImage.mediaId')).toBe('Hero image picture');
    expect(plainMessage('No picture with this id in the media library')).toBe('This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.');
    expect(plainMessage('Describe the picture for readers who cannot see it before publishing')).toBe('Describe the picture for readers who cannot see it before publishing.');
    const byField = fieldErrors({
      errors: [
        { field: 'heroImage.mediaId', message: 'No picture with this id in the media library' },
        { field: 'heroImage.alt', message: 'Describe the picture for readers who cannot see it before publishing' },
        { field: 'heroImage.alt', message: 'Describe the picture for readers who cannot see it before publishing' },
      ],
    });
    expect(Object.keys(byField)).toEqual(['heroImage.mediaId', 'heroImage.alt']);
    expect(byField['heroImage.alt']).toBe('Describe the picture for readers who cannot see it before publishing.');
  });
});

describe('plain words', () => {
  it('turns Bean Validation messages into sentences', () => {
    expect(plainMessage('must not be blank')).toBe('This cannot be empty.');
    expect(plainMessage('size must be between 0 and 200')).toBe('Use at most 200 characters.');
    expect(plainMessage('must be an X handle like @JaneDoeNews')).toBe('Must be an X handle like @JaneDoeNews.');
  });

  it('labels fields a person recognises', () => {
    expect(fieldLabel('displayName')).toBe('Name');
    expect(fieldLabel('tags[3]')).toBe('Tags');
    expect(fieldLabel('overrides.image.alt')).toBe('Image alt text');
    expect(fieldLabel('someNewField')).toBe('Some new field');
  });
});

describe('fieldErrors', () => {
  it('keys plain messages by form field, once each', () => {
    expect(
      fieldErrors({ errors: [{ field: 'displayName', message: 'must not be blank' }, { field: 'displayName', message: 'must not be blank' }, { field: 'tags[0]', message: 'must be a word or short phrase' }] }),
    ).toEqual({ displayName: 'This cannot be empty.', tags: 'Must be a word or short phrase.' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('ApiError', () => {
  it('carries the words of the problem and knows a version conflict', () => {
    const error = new ApiError(412, { detail: 'Someone changed this since you read it; reload version 12 and apply your change again', currentVersion: 12 });
    expect(error.message).toMatch(/^This changed since you opened it/);
    expect(error.message).not.toMatch(/\d/); // what happened, not a version number
    expect(error.isConflict).toBe(true);
    expect(error.hasFieldErrors).toBe(false);
    const refused = new ApiError(403, { detail: 'Only editors publish' });
    expect(messageOf(refused)).toBe('Only editors publish');
    expect(messageOf(new TypeError('Failed to fetch'))).toBe('The server cannot be reached. Check your connection and try again.');
  });
});

describe('related articles', () => {
  it('says each refused pick in plain words, once, at the list', () => {
    const errors = fieldErrors({
      status: 400,
      errors: [
        { field: 'related[1]', message: 'names the same article twice' },
        { field: 'related[2]', message: 'no such article' },
        { field: 'related[3]', message: 'no such article' },
      ],
    } as never);
    expect(Object.keys(errors)).toEqual(['related']);
    expect(errors.related).toBe('An article is in the list twice; remove one. An article in the list does not exist any more; remove it.');
    expect(fieldLabel('related[0]')).toBe('Related articles');
    expect(plainMessage('is this article itself')).toBe('An article cannot be related to itself; remove it from the list.');
  });
});
