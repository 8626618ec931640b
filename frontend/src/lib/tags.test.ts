import { describe, expect, it } from 'vitest';
import { completeTag, formOf, mergeSummary, stepSuggestion, suggestions, tagFormErrors, tagMessage, tagRequest, tagsQuery, typedFragment, type Tag } from './tags';

const tag = (name: string, articles = 0, slug = name.replace(/ /g, '-')): Tag => ({
  id: `id-${slug}`,
  slug,
  name,
  description: null,
  articles,
  aliases: [],
  version: 0,
});

describe('tag form', () => {
  it('starts empty for a new tag and from the tag for an existing one', () => {
    expect(formOf(null)).toEqual({ name: '', slug: '', description: '' });
    expect(formOf({ ...tag('cloud computing'), description: 'Clouds' })).toEqual({ name: 'cloud computing', slug: 'cloud-computing', description: 'Clouds' });
  });

  it('sends trimmed values and leaves a blank slug and description to the service', () => {
    expect(tagRequest({ name: '  Kubernetes ', slug: ' ', description: '  ' })).toEqual({ name: 'Kubernetes', slug: null, description: null });
    expect(tagRequest({ name: 'k8s', slug: 'kubernetes', description: ' Containers ' })).toEqual({ name: 'k8s', slug: 'kubernetes', description: 'Containers' });
  });

  it('asks for a prefix, a page and a limit', () => {
    expect(tagsQuery('')).toBe('?limit=20');
    expect(tagsQuery(' clo ', 40, 10)).toBe('?q=clo&offset=40&limit=10');
    expect(tagsQuery('a&b')).toBe('?q=a%26b&limit=20');
  });
});

describe('completing tags in the comma-separated field', () => {
  it('finds the fragment being typed', () => {
    expect(typedFragment('')).toBe('');
    expect(typedFragment('clo')).toBe('clo');
    expect(typedFragment('cloud, pol')).toBe('pol');
    expect(typedFragment('cloud, ')).toBe('');
  });

  it('replaces the fragment with the chosen tag and keeps the earlier ones', () => {
    expect(completeTag('clo', 'cloud computing')).toBe('cloud computing, ');
    expect(completeTag('policy,  clo', 'cloud computing')).toBe('policy, cloud computing, ');
    expect(completeTag('policy, , clo', 'cloud')).toBe('policy, cloud, ');
  });

  it('does not suggest a tag already in the field, nor the fragment itself', () => {
    const found = [tag('cloud'), tag('cloud computing'), tag('policy')];
    expect(suggestions(found, 'Cloud, c').map((t) => t.name)).toEqual(['cloud computing', 'policy']);
    expect(suggestions(found, 'cloud').map((t) => t.name)).toEqual(['cloud computing', 'policy']);
    expect(suggestions(found, 'x', 1)).toHaveLength(1);
  });
});

describe('moving through the suggestions with the arrow keys', () => {
  it('goes down and up, wrapping round through the typed text', () => {
    expect(stepSuggestion(-1, 3, 1)).toBe(0);
    expect(stepSuggestion(2, 3, 1)).toBe(-1);
    expect(stepSuggestion(-1, 3, -1)).toBe(2);
    expect(stepSuggestion(0, 3, -1)).toBe(-1);
    expect(stepSuggestion(-1, 0, 1)).toBe(-1);
  });
});

describe('merge confirmation', () => {
  it('says what happens to the articles and the old address', () => {
    const text = mergeSummary(tag('k8s', 3), tag('kubernetes', 10));
    expect(text).toContain('Every article tagged “k8s” (3 articles) will be tagged “kubernetes” instead');
    expect(text).toContain('old address “k8s”');
    expect(text).toContain('cannot be undone');
    expect(mergeSummary(tag('k8s', 1), tag('kubernetes'))).toContain('(1 article)');
  });
});

describe('errors', () => {
  it('puts each field error at its field, in plain words, once', () => {
    const split = tagFormErrors(
      {
        detail: 'There is already a tag',
        errors: [
          { field: 'name', message: 'already the name of another tag: merge into it instead' },
          { field: 'name', message: 'must be a word or short phrase' },
          { field: 'slug', message: 'already taken by another tag' },
        ],
      },
      'fallback',
    );
    expect(split.fields).toEqual({
      name: 'Another tag has this name. To combine the two, merge this tag into it.',
      slug: 'Another tag has (or had) this address. Choose another.',
    });
    expect(split.message).toBeNull();
  });

  it('explains merge refusals at the target field', () => {
    expect(tagFormErrors({ errors: [{ field: 'into', message: 'no such tag' }] }, 'x').fields.into).toMatch(/no tag with this address/);
    expect(tagMessage('into', 'is this tag: pick another to merge it into')).toMatch(/cannot be merged into itself/);
    expect(tagMessage('slug', 'is reserved: pick another')).toMatch(/reserved/);
  });

  it('shows what no field shows once, as a message', () => {
    expect(tagFormErrors({ detail: 'The tag is still on articles' }, 'fallback')).toEqual({ fields: {}, message: 'The tag is still on articles' });
    expect(tagFormErrors(undefined, 'The service is away')).toEqual({ fields: {}, message: 'The service is away' });
    expect(tagFormErrors({ errors: [{ field: 'limit', message: 'must be at least 1' }, { field: 'offset', message: 'must be at least 1' }] }, 'x').message).toBe(
      'Must be at least 1.',
    );
  });
});
