import { describe, expect, it } from 'vitest';
import { emptyContent } from './articleForm';
import {
  describeOffer,
  forgetUnsent,
  keepUnsent,
  KEEP_FOR_MS,
  listUnsent,
  orphans,
  pruneUnsent,
  readUnsent,
  recoveryOffer,
  unsentKey,
  type KeyValueStore,
  type UnsentEdits,
} from './recovery';
import type { ArticleContent } from './types';

/** localStorage as a Map, optionally full after `capacity` characters. */
class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  constructor(private readonly capacity = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items.entries()].filter(([k]) => k !== key).reduce((n, [k, v]) => n + k.length + v.length, 0);
    if (used + key.length + value.length > this.capacity) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const content = (over: Partial<ArticleContent> = {}): ArticleContent => ({ ...emptyContent(), headline: 'Storm warning', body: 'First line.', ...over });

const edits = (over: Partial<UnsentEdits> = {}): UnsentEdits => ({
  v: 1,
  user: 'alice',
  editor: 'e1',
  articleId: 'a1',
  baseVersion: 4,
  base: content(),
  content: content({ body: 'First line. And what I typed before the tab crashed.' }),
  savedAt: Date.parse('2026-12-02T14:32:00Z'),
  ...over,
});

describe('keeping unsent edits', () => {
  it('keys name the person and the editor, so people sharing a machine never collide', () => {
    expect(unsentKey('alice', 'e1')).not.toBe(unsentKey('bob', 'e1'));
    expect(unsentKey('al/ice', 'e1')).toBe('cms.unsent.v1/al%2Fice/e1');
    const store = new MemoryStore();
    keepUnsent(store, unsentKey('alice', 'e1'), edits());
    keepUnsent(store, unsentKey('bob', 'e2'), edits({ user: 'bob', editor: 'e2' }));
    expect(listUnsent(store, 'alice').map((r) => r.edits.user)).toEqual(['alice']);
    // a record under alice's key that says it is bob's is not alice's to see
    store.setItem(unsentKey('alice', 'e3'), JSON.stringify(edits({ user: 'bob' })));
    expect(readUnsent(store, unsentKey('alice', 'e3'), 'alice')).toBeNull();
  });

  it('ignores what is not a record of ours', () => {
    const store = new MemoryStore();
    store.setItem(unsentKey('alice', 'x'), '{not json');
    store.setItem(unsentKey('alice', 'y'), JSON.stringify({ v: 2 }));
    store.setItem(unsentKey('alice', 'z'), JSON.stringify({ ...edits(), content: { headline: 3 } }));
    store.setItem('unrelated', 'x');
    expect(listUnsent(store, 'alice')).toEqual([]);
  });

  it('makes room when the store is full by dropping the oldest records of closed editors, never an open one', () => {
    const store = new MemoryStore(2600);
    const old = unsentKey('alice', 'old');
    const open = unsentKey('alice', 'open');
    expect(keepUnsent(store, old, edits({ editor: 'old', savedAt: 1 }))).toBe(true);
    expect(keepUnsent(store, open, edits({ editor: 'open', savedAt: 2 }))).toBe(true);
    const mine = unsentKey('alice', 'mine');
    expect(keepUnsent(store, mine, edits({ editor: 'mine' }), new Set([mine, open]))).toBe(true);
    expect(store.getItem(old)).toBeNull();
    expect(store.getItem(open)).not.toBeNull();
    const huge = edits({ editor: 'mine', content: content({ body: 'x'.repeat(5000) }) });
    expect(keepUnsent(store, mine, huge, new Set([mine, open]))).toBe(false);
  });

  it('forgets records older than a month when an editor opens', () => {
    const store = new MemoryStore();
    const now = Date.parse('2026-12-02T12:00:00Z');
    keepUnsent(store, unsentKey('alice', 'ancient'), edits({ editor: 'ancient', savedAt: now - KEEP_FOR_MS - 1 }));
    keepUnsent(store, unsentKey('alice', 'recent'), edits({ editor: 'recent', savedAt: now - 1000 }));
    pruneUnsent(store, 'alice', now);
    expect(listUnsent(store, 'alice').map((r) => r.edits.editor)).toEqual(['recent']);
    forgetUnsent(store, unsentKey('alice', 'recent'));
    expect(store.length).toBe(0);
  });
});

describe('offering them back', () => {
  it('offers only the records of no open editor, of this article, with edits in them, newest first', () => {
    const store = new MemoryStore();
    keepUnsent(store, unsentKey('alice', 'crashed'), edits({ editor: 'crashed', savedAt: 10 }));
    keepUnsent(store, unsentKey('alice', 'closed'), edits({ editor: 'closed', savedAt: 20 }));
    keepUnsent(store, unsentKey('alice', 'other-tab'), edits({ editor: 'other-tab', savedAt: 30 }));
    keepUnsent(store, unsentKey('alice', 'other-article'), edits({ editor: 'other-article', articleId: 'a2' }));
    keepUnsent(store, unsentKey('alice', 'nothing-typed'), edits({ editor: 'nothing-typed', content: content() }));
    keepUnsent(store, unsentKey('alice', 'new'), edits({ editor: 'new', articleId: null, baseVersion: null }));
    const open = new Set([unsentKey('alice', 'other-tab')]);
    expect(orphans(store, 'alice', 'a1', open, unsentKey('alice', 'me')).map((r) => r.edits.editor)).toEqual(['closed', 'crashed']);
    expect(orphans(store, 'alice', null, open, unsentKey('alice', 'me')).map((r) => r.edits.editor)).toEqual(['new']);
    expect(orphans(store, 'bob', 'a1', new Set(), unsentKey('bob', 'me'))).toEqual([]);
  });

  it('restores edits made on the version the server still has', () => {
    const offer = recoveryOffer(edits(), { content: content(), version: 4 });
    expect(offer.kind).toBe('restore');
    expect(describeOffer(offer, Date.parse('2026-12-02T15:00:00Z'), 'en-GB')).toBe(
      'You have unsaved changes from 14:32, kept in this browser: the page closed before they were saved.',
    );
  });

  it('never overwrites a newer server version: both are shown and the person chooses', () => {
    const offer = recoveryOffer(edits(), { content: content({ dek: 'Added by erin' }), version: 6 });
    expect(offer.kind).toBe('diverged');
    expect(describeOffer(offer, Date.parse('2026-12-03T09:00:00Z'), 'en-GB')).toMatch(
      /^You have unsaved changes from Wed 2 Dec, 14:32, kept in this browser\. The article has been saved since then/,
    );
  });

  it('offers nothing when the edits did reach the server, or there were none', () => {
    const e = edits();
    expect(recoveryOffer(e, { content: e.content, version: 5 })).toEqual({ kind: 'none' });
    expect(recoveryOffer(edits({ content: content() }), { content: content(), version: 4 })).toEqual({ kind: 'none' });
    expect(recoveryOffer(null, { content: content(), version: 4 })).toEqual({ kind: 'none' });
  });

  it('offers a new article that was never created, by its headline', () => {
    const offer = recoveryOffer(edits({ articleId: null, baseVersion: null, base: emptyContent() }), null);
    expect(offer.kind).toBe('restore');
    expect(describeOffer(offer, Date.parse('2026-12-02T15:00:00Z'), 'en-GB')).toBe(
      'You have an unsaved new article (“Storm warning”) from 14:32, kept in this browser: the page closed before it was saved.',
    );
  });
});
