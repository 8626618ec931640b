import { useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { accessToken } from '../auth';
import { formatBytes } from '../lib/media';
import type { MediaItem } from '../lib/types';
import {
  ACCEPT,
  isFinished,
  isInFlight,
  MAX_UPLOAD_BYTES,
  megabytes,
  nextToStart,
  rowPercent,
  rowStatusText,
  sendUpload,
  uploadsReducer,
  uploadSummary,
  type UploadHandle,
  type UploadRow,
  type UploadXhr,
} from '../lib/uploads';

/** Files sent at once (the server resizes two pictures at a time; the others wait their turn in the list). */
const PARALLEL = 2;
let keys = 0;
const newKey = () => `upload-${Date.now().toString(36)}-${++keys}`;
const realXhr = () => new XMLHttpRequest() as unknown as UploadXhr;

/** Whether a drag carries files (not text or a link dragged from the page). */
const carriesFiles = (e: React.DragEvent | DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * Adding pictures to the library: drop several files on the zone, or choose them with the button (keyboard users).
 * Each file gets a row with its own progress bar (XMLHttpRequest upload progress) and its outcome in words: added,
 * already in the library, or why not. Wrong files (type, size, name) are refused here without being sent.
 * `itemAction` adds a control to an added row (a link to describe it, a button to choose it).
 */
export function MediaUploader({ onUploaded, itemAction, idPrefix = 'media-upload', multiple = true, hint }: {
  onUploaded?: (item: MediaItem, alreadyInLibrary: boolean) => void;
  itemAction?: (item: MediaItem, row: UploadRow) => ReactNode;
  idPrefix?: string;
  multiple?: boolean;
  hint?: string;
}) {
  const [rows, dispatch] = useReducer(uploadsReducer, []);
  const files = useRef(new Map<string, File>());
  const handles = useRef(new Map<string, UploadHandle>());
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  const add = (list: FileList | File[] | null) => {
    const picked = Array.from(list ?? []);
    if (!picked.length) return;
    const facts = (multiple ? picked : picked.slice(0, 1)).map((file) => {
      const key = newKey();
      files.current.set(key, file);
      return { key, name: file.name, size: file.size, type: file.type };
    });
    dispatch({ type: 'add', files: facts });
  };

  // Start what is waiting, a few at a time; each upload reports its progress and its outcome to its row.
  useEffect(() => {
    for (const key of nextToStart(rows, PARALLEL)) {
      const file = files.current.get(key);
      if (handles.current.has(key) || !file) continue;
      dispatch({ type: 'start', key });
      const handle = sendUpload(
        file,
        file.name,
        {},
        { onProgress: (loaded, total) => dispatch({ type: 'progress', key, loaded, total }), onSent: () => dispatch({ type: 'sent', key }) },
        { token: accessToken, xhr: realXhr },
      );
      handles.current.set(key, handle);
      void handle.done.then((outcome) => {
        handles.current.delete(key);
        dispatch({ type: 'finish', key, outcome });
        if (outcome.kind === 'added' || outcome.kind === 'duplicate') {
          files.current.delete(key);
          onUploadedRef.current?.(outcome.item, outcome.kind === 'duplicate');
        }
      });
    }
  }, [rows]);

  // Leaving the page while files are being sent asks first (they would be lost).
  const busy = rows.some((r) => isInFlight(r) || r.state === 'waiting');
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  // A file dropped next to the zone must not make the browser leave the page to show it.
  useEffect(() => {
    const keep = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const cancel = (key: string) => {
    dispatch({ type: 'cancel', key });
    handles.current.get(key)?.abort();
  };
  const dismiss = (key: string) => {
    files.current.delete(key);
    dispatch({ type: 'dismiss', key });
  };
  const clearFinished = () => {
    for (const r of rows) if (isFinished(r)) files.current.delete(r.key);
    dispatch({ type: 'clear-finished' });
  };

  const summary = uploadSummary(rows);
  const hintId = `${idPrefix}-hint`;
  return (
    <div className="media-uploader" data-testid="media-uploader">
      <div
        className={over ? 'dropzone dropzone-over' : 'dropzone'}
        data-testid="dropzone"
        onDragEnter={(e) => {
          if (!carriesFiles(e)) return;
          e.preventDefault();
          depth.current += 1;
          setOver(true);
        }}
        onDragOver={(e) => {
          if (!carriesFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setOver(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          depth.current = 0;
          setOver(false);
          add(e.dataTransfer.files);
        }}
      >
        <p className="dropzone-text">
          <strong>{multiple ? 'Drop pictures here' : 'Drop a picture here'}</strong> or{' '}
          <button type="button" className="button button-small" onClick={() => input.current?.click()} aria-describedby={hintId} data-testid="choose-files">
            {multiple ? 'Choose files…' : 'Choose a file…'}
          </button>
        </p>
        <p className="hint small" id={hintId}>
          {hint ?? `JPEG, PNG, WebP or GIF, up to ${megabytes(MAX_UPLOAD_BYTES)} each.`}
        </p>
        <input
          ref={input}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          accept={ACCEPT}
          multiple={multiple}
          data-testid="file-input"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>

      <p className="upload-summary" role="status" aria-live="polite" data-testid="upload-summary">
        {summary}
      </p>
      {rows.length > 0 && (
        <>
          <ul className="upload-list" aria-label="Uploads" data-testid="upload-list">
            {rows.map((row) => {
              const statusId = `${idPrefix}-${row.key}-status`;
              const showBar = row.state === 'waiting' || row.state === 'sending' || row.state === 'processing';
              return (
                <li key={row.key} className={`upload-row upload-${row.state}`} data-testid="upload-row" data-state={row.state}>
                  <div className="upload-line">
                    <span className="upload-name">{row.name}</span>
                    <span className="muted small nowrap">{formatBytes(row.size)}</span>
                  </div>
                  {showBar && (
                    // No value while the server works on it: the bar shows activity rather than a stuck 100 %.
                    <progress
                      className="upload-progress"
                      max={100}
                      value={row.state === 'processing' ? undefined : rowPercent(row)}
                      aria-label={`Upload of ${row.name}`}
                      aria-describedby={statusId}
                    />
                  )}
                  <div className="upload-line">
                    <p className={row.state === 'failed' || row.state === 'refused' ? 'upload-status field-error' : 'upload-status'} id={statusId} data-testid="upload-status">
                      {rowStatusText(row)}
                    </p>
                    <span className="upload-actions">
                      {(row.state === 'added' || row.state === 'duplicate') && row.item && itemAction?.(row.item, row)}
                      {(row.state === 'waiting' || isInFlight(row)) && (
                        <button type="button" className="button button-small button-quiet" onClick={() => cancel(row.key)}>
                          Cancel<span className="sr-only"> the upload of {row.name}</span>
                        </button>
                      )}
                      {(row.state === 'failed' || row.state === 'cancelled') && (
                        <button type="button" className="button button-small" onClick={() => dispatch({ type: 'retry', key: row.key })}>
                          Try again<span className="sr-only"> ({row.name})</span>
                        </button>
                      )}
                      {isFinished(row) && (
                        <button type="button" className="icon-button" onClick={() => dismiss(row.key)} aria-label={`Remove ${row.name} from this list`}>
                          ×
                        </button>
                      )}
                    </span>
                  </div>
                </li>
              );
            })}
          </ul>
          {rows.some(isFinished) && (
            <div className="form-actions upload-tools">
              <button type="button" className="button button-small button-quiet" onClick={clearFinished} data-testid="clear-finished">
                Clear finished
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
