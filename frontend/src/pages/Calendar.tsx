import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { get, query, request } from '../lib/api';
import {
  cellOf,
  dropTime,
  entriesFrom,
  KIND_LABELS,
  moveFailure,
  moveHint,
  moveProblem,
  moveRequest,
  placeEntries,
  sameDay,
  shiftWeek,
  timeOf,
  timeZoneName,
  weekDays,
  weekFromParam,
  weekParam,
  weekTitle,
  weekWindow,
  type ArticleScheduleEntry,
  type CalendarEntry,
  type ListScheduleEntry,
  type SchedulePage,
} from '../lib/calendar';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/format';
import { ApiError, fieldErrors } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, Loading, PageHeader, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** A press on a handle becomes a drag once the pointer moved this far (less: a click, which opens "Move to…"). */
const DRAG_THRESHOLD = 4;

interface Drag {
  entry: CalendarEntry;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moving: boolean;
}

/**
 * The planning calendar: a week of scheduled article publishes, expiries (scheduled unpublishes) and featured-list
 * publishes in the reader's time zone, each linked to its article or list. Whoever may move an entry drags it by its
 * handle to another day and hour (its minutes kept), or presses the handle for "Move to…" with a date and time field;
 * either goes through the existing APIs with the version the calendar read as If-Match, and a refusal is said in words
 * and the week read again.
 */
export function Calendar() {
  const can = abilities(useUser());
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const start = useMemo(() => weekFromParam(params.get('week')), [params]);
  const days = useMemo(() => weekDays(start), [start]);
  const range = useMemo(() => weekWindow(start), [start]);
  const { data, error, loading, reload } = useLoad(
    async (signal) => {
      const [articles, lists] = await Promise.all([
        get<SchedulePage<ArticleScheduleEntry>>('/api/articles/schedule' + query(range), signal),
        can.readsLists ? get<SchedulePage<ListScheduleEntry>>('/api/lists/schedule' + query(range), signal) : Promise.resolve(null),
      ]);
      return { entries: entriesFrom(articles.items, lists?.items ?? []), truncated: !!articles.truncated };
    },
    [range.from, can.readsLists],
  );
  const entries = data?.entries ?? [];
  const cells = useMemo(() => placeEntries(entries, start), [entries, start]);
  const [moving, setMoving] = useState<CalendarEntry | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hover, setHover] = useState<{ day: number; hour: number } | null>(null);
  const suppressClick = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const now = Date.now();
  const goTo = (week: Date) => setParams(sameDay(startOfThisWeek(), week) ? {} : { week: weekParam(week) });

  /** Asks for the move; answers an error for the dialog's field, or null once done (or said in a toast). */
  const move = useCallback(
    async (entry: CalendarEntry, to: string, fromDialog: boolean): Promise<string | null> => {
      const problem = moveProblem(entry, to);
      if (problem) {
        if (!fromDialog) toast.error(`“${entry.title}” was not moved: ${problem}`);
        return problem;
      }
      const call = moveRequest(entry, to);
      setBusy(entry.key);
      try {
        await request(call.url, { method: call.method, body: call.body, ifMatch: call.ifMatch });
        toast.success(`“${entry.title}” now ${KIND_LABELS[entry.kind].toLowerCase()} ${formatDateTime(to)}.`);
        reload();
        return null;
      } catch (e) {
        const failure = moveFailure(entry, e);
        if (failure.reload) {
          // a 412 (or the entry changed state): said plainly, and the week read again before anything else
          toast.error(failure.text);
          reload();
          return null;
        }
        if (fromDialog) return (e instanceof ApiError ? fieldErrors(e.problem).at : undefined) ?? failure.text;
        toast.error(failure.text);
        return failure.text;
      } finally {
        setBusy(null);
      }
    },
    [reload, toast],
  );

  // Dragging by the handle: pointer events (mouse, pen, touch alike), followed on the window from the press on, so no
  // move is missed; the slot under the pointer is the target.
  const daysRef = useRef(days);
  daysRef.current = days;
  const moveRef = useRef(move);
  moveRef.current = move;
  const startDrag = (entry: CalendarEntry, down: React.PointerEvent) => {
    let current: Drag = { entry, pointerId: down.pointerId, startX: down.clientX, startY: down.clientY, x: down.clientX, y: down.clientY, moving: false };
    const slotAt = (x: number, y: number) => {
      const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-slot]');
      return cell ? { day: Number(cell.dataset.day), hour: Number(cell.dataset.hour) } : null;
    };
    const stop = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', stop);
      window.removeEventListener('keydown', onKey);
      setDrag(null);
      setHover(null);
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerId !== current.pointerId) return;
      const moved = current.moving || Math.hypot(e.clientX - current.startX, e.clientY - current.startY) > DRAG_THRESHOLD;
      current = { ...current, x: e.clientX, y: e.clientY, moving: moved };
      if (moved) {
        setDrag(current);
        setHover(slotAt(e.clientX, e.clientY));
      }
    };
    const onUp = (e: PointerEvent) => {
      if (e.pointerId !== current.pointerId) return;
      stop();
      if (!current.moving) return; // a click: the handle's click opens "Move to…"
      suppressClick.current = true;
      setTimeout(() => (suppressClick.current = false), 0);
      const slot = slotAt(e.clientX, e.clientY);
      if (!slot) return;
      const to = dropTime(entry.at, daysRef.current[slot.day], slot.hour);
      if (Date.parse(to) === Date.parse(entry.at)) return; // dropped where it was
      void moveRef.current(entry, to, false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop();
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', stop);
    window.addEventListener('keydown', onKey);
  };

  // Start the day where something happens (the first entry), or at 7:00.
  useEffect(() => {
    if (!data || !scroller.current) return;
    const first = data.entries.map((e) => cellOf(e.at, start)).find(Boolean);
    const hour = Math.max(0, (first?.hour ?? 8) - 1);
    const row = scroller.current.querySelector<HTMLElement>(`[data-row="${hour}"]`);
    const head = scroller.current.querySelector<HTMLElement>('thead');
    if (row) scroller.current.scrollTop = row.offsetTop - (head?.offsetHeight ?? 0);
  }, [data, start]);

  const hoverProblem = drag?.moving && hover ? moveProblem(drag.entry, dropTime(drag.entry.at, days[hover.day], hover.hour), now) : null;
  const today = new Date();

  return (
    <>
      <PageHeader
        title="Planning calendar"
        subtitle={
          <>
            Scheduled publishes, unpublishes and featured-list publishes. Times in <strong data-testid="calendar-zone">{timeZoneName()}</strong>.
          </>
        }
      />
      <div className="calendar-bar" role="group" aria-label="Week">
        <h2 data-testid="calendar-week" aria-live="polite">
          {weekTitle(start)}
        </h2>
        <button type="button" className="button" onClick={() => goTo(shiftWeek(start, -1))} data-testid="calendar-previous">
          ← Previous week
        </button>
        <button type="button" className="button" onClick={() => goTo(startOfThisWeek())} data-testid="calendar-today">
          Today
        </button>
        <button type="button" className="button" onClick={() => goTo(shiftWeek(start, 1))} data-testid="calendar-next">
          Next week →
        </button>
        <button type="button" className="button button-quiet" onClick={reload}>
          Refresh
        </button>
      </div>
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading the week" />}
      {data && (
        <p className="muted small" data-testid="calendar-summary">
          {entries.length === 0 ? 'Nothing is scheduled this week.' : `${entries.length} scheduled ${entries.length === 1 ? 'change' : 'changes'} this week.`}{' '}
          {moveHint(entries) ?? ''}
          {data.truncated ? ' Only the first 1,000 articles of this week are shown.' : ''}
          {!can.readsLists ? ' Featured lists are shown to editors, curators and admins only.' : ''}
        </p>
      )}
      <div className="calendar-scroll" ref={scroller}>
        <table className="calendar-grid" data-testid="calendar-grid" aria-describedby="calendar-legend">
          <caption className="sr-only">Scheduled changes for the week of {weekTitle(start)}, by day and hour</caption>
          <thead>
            <tr>
              <th scope="col" className="calendar-hour">
                <span className="sr-only">Hour</span>
              </th>
              {days.map((d, i) => (
                <th key={i} scope="col" className={sameDay(d, today) ? 'calendar-today' : undefined} aria-current={sameDay(d, today) ? 'date' : undefined}>
                  {d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {HOURS.map((hour) => (
              <tr key={hour} data-row={hour}>
                <th scope="row" className="calendar-hour">
                  {new Date(2000, 0, 1, hour).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}
                </th>
                {days.map((d, day) => {
                  const slotEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour + 1).getTime();
                  const here = cells.get(`${day}:${hour}`) ?? [];
                  const isHover = hover?.day === day && hover.hour === hour;
                  const classes = ['calendar-cell'];
                  if (sameDay(d, today)) classes.push('calendar-today');
                  if (slotEnd <= now) classes.push('calendar-past');
                  if (isHover) classes.push(hoverProblem ? 'drop-refused' : 'drop-target');
                  return (
                    <td
                      key={day}
                      className={classes.join(' ')}
                      data-slot={`${weekParam(d)}T${String(hour).padStart(2, '0')}`}
                      data-day={day}
                      data-hour={hour}
                      data-testid="calendar-cell"
                    >
                      {here.map((entry) => (
                        <EntryChip
                          key={entry.key}
                          entry={entry}
                          busy={busy === entry.key}
                          dragging={drag?.moving === true && drag.entry.key === entry.key}
                          onPointerDown={(e) => {
                            if (!entry.movable || e.button !== 0 || busy) return;
                            e.preventDefault();
                            startDrag(entry, e);
                          }}
                          onActivate={() => {
                            if (suppressClick.current) {
                              suppressClick.current = false;
                              return;
                            }
                            setMoving(entry);
                          }}
                        />
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="calendar-legend" id="calendar-legend">
        <span className="legend-publish">Article publishes</span>
        <span className="legend-unpublish">Article unpublishes (expiry)</span>
        <span className="legend-list">Featured list publishes</span>
      </p>
      {drag?.moving && (
        <div className={`calendar-entry calendar-entry-${drag.entry.kind} calendar-ghost`} style={{ left: drag.x + 12, top: drag.y + 8 }} aria-hidden="true">
          {hover ? `${timeOf(dropTime(drag.entry.at, days[hover.day], hover.hour))} · ` : ''}
          {hoverProblem ?? drag.entry.title}
        </div>
      )}
      <p className="sr-only" aria-live="assertive">
        {drag?.moving && hover ? `Drop to move to ${formatDateTime(dropTime(drag.entry.at, days[hover.day], hover.hour))}` : ''}
      </p>
      {moving && <MoveDialog entry={moving} onClose={() => setMoving(null)} onMove={(to) => move(moving, to, true)} />}
    </>
  );
}

const startOfThisWeek = () => weekFromParam(null);

function EntryChip({ entry, busy, dragging, onPointerDown, onActivate }: {
  entry: CalendarEntry;
  busy: boolean;
  dragging: boolean;
  onPointerDown: (e: React.PointerEvent) => void;
  onActivate: () => void;
}) {
  return (
    <div
      className={`calendar-entry calendar-entry-${entry.kind}${dragging ? ' dragging' : ''}`}
      data-testid="calendar-entry"
      data-key={entry.key}
      data-at={entry.at}
      aria-busy={busy || undefined}
    >
      {entry.movable && (
        <button
          type="button"
          className="calendar-handle"
          data-testid="calendar-handle"
          aria-label={`Move “${entry.title}” (${KIND_LABELS[entry.kind].toLowerCase()} ${formatDateTime(entry.at)}): drag to another day or hour, or press to choose a time`}
          onPointerDown={onPointerDown}
          onClick={onActivate}
          disabled={busy}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span>
        <span className="calendar-kind">
          {timeOf(entry.at)} · {KIND_LABELS[entry.kind]}
        </span>
        <Link to={entry.href} title={entry.detail}>
          {entry.title}
        </Link>
      </span>
    </div>
  );
}

/** The keyboard's way (and anyone's): a date and time field, checked before sending, the server's refusal at the field. */
function MoveDialog({ entry, onClose, onMove }: { entry: CalendarEntry; onClose: () => void; onMove: (to: string) => Promise<string | null> }) {
  const [value, setValue] = useState(toLocalInput(entry.at));
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const to = fromLocalInput(value);
    const problem = moveProblem(entry, to);
    if (problem) {
      setError(problem);
      document.getElementById('move-to')?.focus();
      return;
    }
    setSending(true);
    const refused = await onMove(to!).finally(() => setSending(false));
    if (refused) {
      setError(refused);
      document.getElementById('move-to')?.focus();
    } else onClose();
  };
  return (
    <Dialog title={`Move “${entry.title}”`} onClose={onClose} testId="move-dialog">
      <form onSubmit={submit} noValidate>
        <p>
          {KIND_LABELS[entry.kind]} {formatDateTime(entry.at)} now. {entry.detail}.
        </p>
        <Field label="Move to (your local time)" id="move-to" error={error ?? undefined} hint={`Times in ${timeZoneName()}.`}>
          <input
            id="move-to"
            type="datetime-local"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending} data-testid="confirm-move">
            {sending ? 'Moving…' : 'Move'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
