import { useRef, useState } from 'react';
import { formatDateTime, formatShort } from '../../lib/format';
import type { WebhookEndpoint, WebhookEventType } from '../../lib/types';
import { endpointStatus } from '../../lib/webhooks';
import { PageHeader } from '../../ui/common';
import { Dialog } from '../../ui/Dialog';

/** What non-admins see at /webhooks (the services refuse them too). */
export function WebhooksNotAllowed() {
  return (
    <>
      <PageHeader title="Webhooks" />
      <p data-testid="not-allowed">Only admins manage webhooks. Ask an admin if another system needs to hear about changes in the CMS.</p>
    </>
  );
}

export function EventChips({ events, types }: { events: string[]; types?: WebhookEventType[] }) {
  if (events.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="chip-list" aria-label="Events">
      {events.map((e) => (
        <li key={e} className="chip chip-event" title={types?.find((t) => t.type === e)?.description ?? undefined}>
          {e}
        </li>
      ))}
    </ul>
  );
}

export function EndpointStatusBadge({ endpoint }: { endpoint: WebhookEndpoint }) {
  const status = endpointStatus(endpoint);
  return (
    <span className={`badge badge-endpoint-${status.tone}`} data-testid="endpoint-status">
      {status.label}
    </span>
  );
}

/** Why a disabled endpoint is off, in words, and since when (nothing for an active one). */
export function DisabledReason({ endpoint, className = 'endpoint-reason small' }: { endpoint: WebhookEndpoint; className?: string }) {
  const { reason } = endpointStatus(endpoint);
  if (!reason) return null;
  return (
    <p className={className} data-testid="disabled-reason">
      {reason}
      {endpoint.disabledAt && (
        <>
          {' '}
          Since{' '}
          <time dateTime={endpoint.disabledAt} title={formatDateTime(endpoint.disabledAt)}>
            {formatShort(endpoint.disabledAt)}
          </time>
          .
        </>
      )}
    </p>
  );
}

/** Copies with the Clipboard API where the page may use it, else through the selected text. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): fall back to copying the selection.
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The signing secret, shown this once: copy it now, it will not be shown again. */
export function SecretBox({ secret }: { secret: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <section className="secret-box" data-testid="secret-box" aria-labelledby="secret-box-title">
      <h3 id="secret-box-title" className="secret-title">
        Copy this secret now
      </h3>
      <p>
        It is shown only this once and <strong>will not be shown again</strong>. Store it where the receiving system reads it to check each delivery’s
        signature. If it is lost, rotate the secret to get a new one.
      </p>
      <label htmlFor="webhook-secret" className="secret-label">
        Signing secret
      </label>
      <div className="secret-row">
        <input
          id="webhook-secret"
          ref={input}
          className="secret-value"
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          data-testid="secret-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" data-testid="copy-secret" onClick={() => void copyText(secret, input.current).then((ok) => setCopied(ok ? 'yes' : 'no'))}>
          Copy
        </button>
      </div>
      <p className="small secret-copied" role="status">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'no' && 'Copying did not work here: the secret is selected, press Ctrl+C (⌘C on a Mac) to copy it.'}
      </p>
    </section>
  );
}

export function SecretDialog({ title, intro, secret, onClose }: { title: string; intro?: string; secret: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} testId="secret-dialog">
      {intro && <p>{intro}</p>}
      <SecretBox secret={secret} />
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-testid="secret-done">
          I have stored the secret
        </button>
      </div>
    </Dialog>
  );
}

/** How a receiver checks that a delivery came from the CMS (Standard Webhooks). */
export function SignatureHelp() {
  return (
    <section className="panel signature-help" aria-labelledby="signature-help-title" data-testid="signature-help">
      <h2 id="signature-help-title">Checking that a delivery is genuine</h2>
      <p>
        Each webhook delivery is an HTTP POST with a JSON body, signed the{' '}
        <a href="https://www.standardwebhooks.com/" target="_blank" rel="noreferrer">
          Standard Webhooks way (standardwebhooks.com)
        </a>
        . Three headers come with it:
      </p>
      <dl className="signature-headers">
        <dt>
          <code>webhook-id</code>
        </dt>
        <dd>The message’s unique id. It stays the same when a delivery is retried or redelivered, so the receiver can ignore repeats.</dd>
        <dt>
          <code>webhook-timestamp</code>
        </dt>
        <dd>When it was sent, in seconds since 1970 (Unix time). Refuse messages more than a few minutes old, so a copied request cannot be replayed.</dd>
        <dt>
          <code>webhook-signature</code>
        </dt>
        <dd>
          <code>v1,</code> followed by the Base64 HMAC-SHA256 of <code>id.timestamp.body</code>, keyed with the secret (the part after <code>whsec_</code>,
          Base64-decoded). It may hold several signatures separated by spaces: accept the message when one matches.
        </dd>
      </dl>
      <p className="muted small">The Standard Webhooks libraries check all of this in a line of code, in most languages.</p>
    </section>
  );
}
