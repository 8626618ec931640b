import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIELD = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/**
 * Where focus starts in a dialog: what asks for it ([autofocus]), else the first field of the body, else its first
 * button — never the close button in the head, so a person can start typing at once.
 */
export function initialFocus(body: ParentNode): HTMLElement | null {
  return (
    body.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ??
    body.querySelector<HTMLElement>(FIELD) ??
    body.querySelector<HTMLElement>('button:not([disabled])') ??
    body.querySelector<HTMLElement>(FOCUSABLE)
  );
}

/**
 * A modal dialog on the native <dialog>: the page behind is inert, Escape closes it, Tab stays inside,
 * and focus returns to where it was when it closes. It never grows taller than the window: the body scrolls and
 * the actions (`.dialog-actions`) stay in view at its foot.
 */
export function Dialog({ title, onClose, children, wide, testId }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const body = bodyRef.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const first = initialFocus(body);
    let observer: MutationObserver | null = null;
    if (first) {
      first.focus();
    } else {
      // Content still loading: hold focus on the dialog itself, then move it to the first field when one appears.
      dialog.focus();
      observer = new MutationObserver(() => {
        const late = initialFocus(body);
        if (!late) return;
        if (document.activeElement === dialog || !dialog.contains(document.activeElement)) late.focus();
        observer?.disconnect();
      });
      observer.observe(body, { childList: true, subtree: true });
    }
    return () => {
      observer?.disconnect();
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    // A dialog opened from this one (a picker in a form in a dialog) is a portal: its keys reach this handler through
    // React's tree, but its Tab stops are its own.
    if (event.key !== 'Tab' || !ref.current!.contains(event.target as Node)) return;
    const items = Array.from(ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      tabIndex={-1}
      onCancel={(e) => {
        e.preventDefault();
        // Escape closes the topmost dialog only: a dialog opened from this one (a portal) sends its cancel through
        // React's tree too.
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close dialog" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="dialog-body" ref={bodyRef}>
        {children}
      </div>
    </dialog>
  );
}
