import { useMemo, useState } from 'react';
import { conflictRows, mergeContent, type ContentField } from '../../lib/conflict';
import type { ArticleContent } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';

/**
 * Shown after a 412: someone saved this article since it was loaded. Field by field, the person sees their
 * version and the other one, and chooses; nothing is sent before they do.
 */
export function ConflictDialog({ base, mine, theirs, theirsBy, onKeep, onDiscard, onClose }: {
  base: ArticleContent;
  mine: ArticleContent;
  theirs: ArticleContent;
  /** Who saved the newer version, as a sentence ("erin saved a newer version." / "You saved … in another tab"). */
  theirsBy: string;
  onKeep: (merged: ArticleContent) => void;
  onDiscard: () => void;
  /** Escape: decide later (nothing is saved until then). */
  onClose: () => void;
}) {
  const rows = useMemo(() => conflictRows(base, mine, theirs), [base, mine, theirs]);
  const [choices, setChoices] = useState<Partial<Record<ContentField, 'mine' | 'theirs'>>>(() => Object.fromEntries(rows.map((r) => [r.field, r.suggested])));
  return (
    <Dialog title="This article changed while you were editing" onClose={onClose} wide testId="conflict-dialog">
      <p>
        {theirsBy} Your changes are not lost and nothing has been overwritten. For each field below, choose which
        text to keep, then save.
      </p>
      <div className="table-wrap">
        <table className="table conflict-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your version</th>
              <th scope="col">Newer version</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">
                  {row.label}
                  <div className="muted small">{row.changedByMe && row.changedByThem ? 'changed in both' : row.changedByThem ? 'changed in the newer version' : 'changed by you here'}</div>
                </th>
                {(['mine', 'theirs'] as const).map((side) => (
                  <td key={side} className={choices[row.field] === side ? 'conflict-choice chosen' : 'conflict-choice'}>
                    <label>
                      <input type="radio" name={`choice-${row.field}`} checked={choices[row.field] === side} onChange={() => setChoices({ ...choices, [row.field]: side })} />{' '}
                      Keep {side === 'mine' ? 'yours' : 'the newer one'}
                    </label>
                    <pre className="conflict-text">{(side === 'mine' ? row.mine : row.theirs) || '—'}</pre>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onDiscard}>
          Discard all my changes
        </button>
        <button type="button" className="button button-primary" onClick={() => onKeep(mergeContent(mine, theirs, choices))} data-testid="keep-choices">
          Save with these choices
        </button>
      </div>
    </Dialog>
  );
}
