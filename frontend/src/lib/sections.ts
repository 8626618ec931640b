/** Sections: the site's hierarchy as editors keep it, and the choices the article editor offers. */

import { splitFormErrors } from '../problem';

/** A section as the editor API sends it (GET /api/sections lists them depth first, siblings in order). */
export interface Section {
  id: string;
  slug: string;
  name: string;
  description?: string | null;
  parentId: string | null;
  position: number;
  /** Slugs from the top-level section down to this one. */
  path: string[];
  depth: number;
  version: number;
}

export interface SectionNode extends Section {
  children: SectionNode[];
}

/** What the section form holds. */
export interface SectionForm {
  name: string;
  slug: string;
  description: string;
  parentId: string;
}

/** The flat list as a tree, siblings in order; a section whose parent is not in the list is shown at the top. */
export function sectionTree(items: readonly Section[]): SectionNode[] {
  const nodes = new Map<string, SectionNode>();
  for (const s of items) nodes.set(s.id, { ...s, children: [] });
  const roots: SectionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: SectionNode[]) => {
    list.sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

/** A section's name with its ancestors': "News › Cloud". */
export function sectionLabel(items: readonly Section[], id: string | null | undefined): string {
  if (!id) return '';
  const byId = new Map(items.map((s) => [s.id, s]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let s = byId.get(id); s && !seen.has(s.id); s = s.parentId ? byId.get(s.parentId) : undefined) {
    seen.add(s.id);
    names.unshift(s.name);
  }
  return names.join(' › ');
}

/** The section and every section under it. */
export function subtreeIds(items: readonly Section[], id: string): Set<string> {
  const found = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of items) {
      if (s.parentId && found.has(s.parentId) && !found.has(s.id)) {
        found.add(s.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The options of a section picker, depth first, each labelled with its ancestors: for the article editor. */
export function sectionOptions(items: readonly Section[]): { id: string; label: string; depth: number }[] {
  const flat: { id: string; label: string; depth: number }[] = [];
  const walk = (nodes: SectionNode[], depth: number) => {
    for (const n of nodes) {
      flat.push({ id: n.id, label: sectionLabel(items, n.id), depth });
      walk(n.children, depth + 1);
    }
  };
  walk(sectionTree(items), 0);
  return flat;
}

/** Where a section may move: the top level ('') or any section outside its own subtree (no cycles). */
export function parentChoices(items: readonly Section[], id: string | null): { id: string; label: string }[] {
  const excluded = id ? subtreeIds(items, id) : new Set<string>();
  return [{ id: '', label: 'Top level' }, ...sectionOptions(items).filter((o) => !excluded.has(o.id)).map(({ id: i, label }) => ({ id: i, label }))];
}

/** Its siblings (same parent), in order, the section itself included. */
export function siblingsOf(items: readonly Section[], section: Section): Section[] {
  return items
    .filter((s) => (s.parentId ?? null) === (section.parentId ?? null))
    .sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
}

/** The position one step up (-1) or down (+1) among its siblings, or null at that end. */
export function stepPosition(items: readonly Section[], section: Section, step: -1 | 1): number | null {
  const siblings = siblingsOf(items, section);
  const index = siblings.findIndex((s) => s.id === section.id);
  const target = index + step;
  return index < 0 || target < 0 || target >= siblings.length ? null : target;
}

export function formOf(section: Section | null, parentId = ''): SectionForm {
  return section
    ? { name: section.name, slug: section.slug, description: section.description ?? '', parentId: section.parentId ?? '' }
    : { name: '', slug: '', description: '', parentId };
}

/**
 * The body of POST/PUT /api/sections: a blank slug is left to the service (derived from the name on create, kept on
 * rename); `position` only when the section is reordered (kept otherwise, or last under a new parent).
 */
export function sectionRequest(form: SectionForm, position?: number) {
  return {
    name: form.name.trim(),
    slug: form.slug.trim() || null,
    description: form.description.trim() || null,
    parentId: form.parentId || null,
    ...(position === undefined ? {} : { position }),
  };
}

/** The request that keeps everything of a section but its place among its siblings. */
export function reorderRequest(section: Section, position: number) {
  return sectionRequest(formOf(section), position);
}

/**
 * The secondary sections after picking a primary one: the primary section is never also secondary (the service refuses
 * that), the order of the others kept.
 */
export function withoutPrimary(secondary: readonly string[], primary: string | null | undefined): string[] {
  return secondary.filter((id, i) => id !== primary && secondary.indexOf(id) === i);
}

/** Adds or removes a secondary section. */
export function toggleSecondary(secondary: readonly string[], id: string, on: boolean): string[] {
  return on ? (secondary.includes(id) ? [...secondary] : [...secondary, id]) : secondary.filter((s) => s !== id);
}

/** The fields of the section form: a problem about one of these is shown there, and only there. */
const FORM_FIELDS = ['name', 'slug', 'description', 'parentId'] as const;

/** Words for what the sections API says, as a person reads them beside the field. */
export function sectionMessage(field: string, message: string): string {
  if (field === 'parentId' && /is this section or one under it/.test(message)) return 'A section cannot go under itself or one of its own subsections. Choose another parent.';
  if (/^no such section$/.test(message)) return 'This section does not exist any more. Reload the page and choose another.';
  if (field === 'slug' && /already taken/.test(message)) return 'Another section has (or had) this address. Choose another.';
  if (/^must be 1–80 lowercase/.test(message)) return 'Use lowercase letters, digits and single hyphens, like “cloud” or “local-news”.';
  if (/^must not be blank$/.test(message)) return 'This cannot be empty.';
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * A failed save of the section form, split for showing each thing once: errors of the form's fields at those fields,
 * and a message only for what no field shows (a conflict, a stale version, the service away).
 */
export function sectionFormErrors(problem: { errors?: { field: string; message: string }[]; detail?: string } | undefined, fallback: string): {
  fields: Record<string, string>;
  message: string | null;
} {
  return splitFormErrors(problem, fallback, FORM_FIELDS, sectionMessage);
}
