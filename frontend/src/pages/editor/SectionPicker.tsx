import { useId } from 'react';
import { get } from '../../lib/api';
import { sectionOptions, toggleSecondary, withoutPrimary, type Section } from '../../lib/sections';
import { useLoad } from '../../ui/common';

/**
 * The article's sections: one primary section (needed before the article is submitted) and any others it also
 * appears in. The primary one is never offered again as a secondary one.
 */
export function SectionPicker({ primary, secondary, onChange, disabled, error, secondaryError }: {
  primary: string | null;
  secondary: string[];
  onChange: (primary: string | null, secondary: string[]) => void;
  disabled?: boolean;
  error?: string;
  secondaryError?: string;
}) {
  const id = useId();
  const { data } = useLoad((signal) => get<{ items: Section[] }>('/api/sections', signal), []);
  const options = sectionOptions(data?.items ?? []);
  return (
    <fieldset className={error || secondaryError ? 'fieldset field-invalid' : 'fieldset'} disabled={disabled} data-testid="section-picker">
      <legend>Sections</legend>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor="primarySection">Section</label>
        <select
          id="primarySection"
          value={primary ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            const chosen = e.target.value || null;
            onChange(chosen, withoutPrimary(secondary, chosen));
          }}
        >
          <option value="">{data ? 'Choose a section' : 'Loading sections…'}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        {error ? (
          <small className="field-error" id={`${id}-error`}>
            {error}
          </small>
        ) : (
          <small className="hint" id={`${id}-hint`}>
            Where the article belongs on the site; needed before it is submitted.
          </small>
        )}
      </div>
      {options.length > 1 && (
        <div className="field" role="group" aria-labelledby={`${id}-also`}>
          <span id={`${id}-also`} className="label">
            Also in
          </span>
          <div className="section-secondary">
            {options
              .filter((o) => o.id !== primary)
              .map((o) => (
                <label key={o.id}>
                  <input
                    type="checkbox"
                    data-testid={`also-${o.id}`}
                    checked={secondary.includes(o.id)}
                    onChange={(e) => onChange(primary, toggleSecondary(secondary, o.id, e.target.checked))}
                  />
                  {o.label}
                </label>
              ))}
          </div>
          {secondaryError && <small className="field-error">{secondaryError}</small>}
        </div>
      )}
    </fieldset>
  );
}
