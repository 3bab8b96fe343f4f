import { useState, type ReactNode } from 'react';
import { VolunteerApiError, type Assignment } from './api';
import { whenOf } from './format';
import { fmt, t } from './messages';

/** The message for an error answer, in the page's language. */
export function explain(e: unknown): string {
  if (!(e instanceof VolunteerApiError)) return fmt(t.error, { message: String((e as Error)?.message ?? e) });
  if (e.code === 'LINK_REVOKED') return t.linkRevoked;
  if (e.code === 'LINK_EXPIRED') return t.linkExpired;
  if (e.code === 'RATE_LIMITED') return fmt(t.rateLimited, { s: e.retryAfterSeconds ?? 60 });
  if (e.code === 'NETWORK' || e.status === 503) return t.network;
  if (e.status === 404 && e.field === 'link') return t.linkUnknown;
  return fmt(t.error, { message: e.message });
}

export const Card = ({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) => (
  <section className="card" data-testid={testId}>
    {title && <h2>{title}</h2>}
    {children}
  </section>
);

export const Notice = ({ kind, children }: { kind: 'error' | 'ok' | 'info'; children: ReactNode }) => (
  <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
    {children}
  </p>
);

/** A link with a copy button (iCalendar, the volunteer's own link). */
export const CopyLink = ({ path, testId }: { path: string; testId: string }) => {
  const url = `${location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      /* old WebViews: the link can be long-pressed instead */
    }
  };
  return (
    <div className="copy">
      <a href={path} data-testid={testId} className="url">
        {url}
      </a>
      <button type="button" className="secondary" onClick={copy}>
        {copied ? t.copied : t.copy}
      </button>
    </div>
  );
};

/** The volunteer's own shifts, with cancel where the rules allow it. */
export const MyShifts = ({ assignments, onCancel, busy }: { assignments: Assignment[]; onCancel: (a: Assignment) => void; busy: string | null }) => (
  <Card title={t.mine} testId="my-shifts">
    {assignments.length === 0 && <p className="muted">{t.noMine}</p>}
    <ul className="list">
      {assignments.map((a) => (
        <li key={a.id} className="row" data-testid="my-shift">
          <div className="grow">
            <div className="strong">{a.shift.station.name}</div>
            <div className="muted">{whenOf(a.shift.startsAt, a.shift.endsAt, a.shift.timezone)}</div>
            <span className={`chip chip-${a.status}`}>{a.status === 'WAITLISTED' && a.waitlistPosition ? fmt(t.position, { n: a.waitlistPosition }) : t.status[a.status] ?? a.status}</span>
          </div>
          {['SIGNED_UP', 'CONFIRMED', 'WAITLISTED'].includes(a.status) && (
            <button type="button" className="secondary" disabled={busy === a.id} onClick={() => onCancel(a)} data-testid="cancel">
              {t.cancel}
            </button>
          )}
        </li>
      ))}
    </ul>
  </Card>
);
