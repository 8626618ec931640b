import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Kind = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  kind: Kind;
  text: string;
}

interface ToastApi {
  success(text: string): void;
  error(text: string): void;
  info(text: string): void;
  /** The problem an error toast reported is gone (e.g. the save worked after all). */
  clearErrors(): void;
}

const ToastContext = createContext<ToastApi>({ success() {}, error() {}, info() {}, clearErrors() {} });

export const useToast = () => useContext(ToastContext);

/**
 * Toasts live in aria-live regions, so screen readers announce them. Errors stay until dismissed or until the
 * problem is gone: any later success clears them, and the same error is never shown twice at once.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (kind: Kind, text: string) => {
      const id = next.current++;
      setToasts((all) => {
        const kept = kind === 'success' ? all.filter((t) => t.kind !== 'error') : all.filter((t) => !(t.kind === kind && t.text === text));
        return [...kept.slice(-4), { id, kind, text }];
      });
      if (kind !== 'error') setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const clearErrors = useCallback(() => setToasts((all) => all.filter((t) => t.kind !== 'error')), []);
  const api = useMemo<ToastApi>(
    () => ({ success: (t) => push('success', t), error: (t) => push('error', t), info: (t) => push('info', t), clearErrors }),
    [push, clearErrors],
  );
  const list = (kinds: Kind[]) =>
    toasts
      .filter((t) => kinds.includes(t.kind))
      .map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid={`toast-${t.kind}`}>
          <span className="toast-text">{t.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ));
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div aria-live="polite" role="status">{list(['success', 'info'])}</div>
        <div aria-live="assertive" role="alert">{list(['error'])}</div>
      </div>
    </ToastContext.Provider>
  );
}
