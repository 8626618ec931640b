import { useEffect, useState } from 'react';
import { get } from '../../lib/api';
import { completeTag, stepSuggestion, suggestions, tagsQuery, typedFragment, type Tag, type TagList } from '../../lib/tags';
import { useDebounced } from '../../ui/common';

/**
 * The article's comma-separated tags field, completing the tag being typed from the registry (GET /api/tags?q=):
 * choosing a suggestion puts the registry's own name in, so articles share one tag instead of near-duplicates.
 * A new word is still fine: saving registers it. `aria-*` from the surrounding Field pass through to the input.
 */
export function TagInput({ id, value, onChange, disabled, ...aria }: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const fragment = useDebounced(typedFragment(value), 200);
  const [found, setFound] = useState<Tag[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (!fragment) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    get<TagList>('/api/tags' + tagsQuery(fragment, 0, 10), controller.signal)
      .then((page) => setFound(page.items))
      .catch(() => setFound([])); // completion is a help: without it the field still takes any tag
    return () => controller.abort();
  }, [fragment]);

  const shown = open ? suggestions(found, value) : [];
  const choose = (tag: Tag) => {
    onChange(completeTag(value, tag.name));
    setActive(-1);
  };
  const listId = `${id}-suggestions`;

  return (
    <div className="tag-input">
      <input
        id={id}
        value={value}
        disabled={disabled}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && shown[active] ? `${listId}-${active}` : undefined}
        {...aria}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!shown.length) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => stepSuggestion(a, shown.length, e.key === 'ArrowDown' ? 1 : -1));
          } else if (e.key === 'Enter' && active >= 0 && shown[active]) {
            e.preventDefault();
            choose(shown[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" className="picker-results" data-testid="tag-suggestions">
        {shown.map((tag, i) => (
          // the option itself takes the click (a button inside an option would be a control within a control); the
          // keyboard stays in the input, which points at the active option
          <li
            key={tag.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="picker-option"
            // chosen on mouse down, before the input's blur closes the list
            onMouseDown={(e) => {
              e.preventDefault();
              choose(tag);
            }}
          >
            {tag.name} <span className="muted small">({tag.articles})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
