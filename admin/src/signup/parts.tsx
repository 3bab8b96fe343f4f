import { useState, type ReactNode } from 'react';
import { VolunteerApiError, type Assignment } from './api';
import { whenOf } from './format';
import zhReasons from '../i18n/reasons/zh';
import enReasons from '../i18n/reasons/en';
import { fmt, lang, t } from './messages';

const REASONS: Record<string, string> = lang === 'zh' ? zhReasons : enReasons;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An arg as the volunteer reads it: instants in `timeZone` (Asia/Shanghai by default), statuses and skills by name. */
function showArg(key: string, value: unknown, timeZone: string): string {
  if (Array.isArray(value)) return value.map((v) => showArg(key, v, timeZone)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
  }
  if (key === 'status' && typeof value === 'string') return t.status[value] ?? value;
  if (key === 'skills' && typeof value === 'string') return t.skill[value] ?? value;
  return value == null ? '' : String(value);
}

/** The API's reason (`error.reason`, the admin's reason tables) with its args filled in, or null for an unknown one. */
function sayReason(e: VolunteerApiError): string | null {
  const template = e.reason ? REASONS[e.reason] : undefined;
  if (!template) return null;
  const zone = typeof e.args.timeZone === 'string' ? e.args.timeZone : 'Asia/Shanghai';
  return template.replace(/%\{(\w+)\}/g, (_m, k: string) => showArg(k, e.args[k], zone));
}

/** The message for an error answer, in the page's language: the page's own words, else the API's reason translated. */
export function explain(e: unknown): string {
  if (!(e instanceof VolunteerApiError)) return fmt(t.error, { message: String((e as Error)?.message ?? e) });
  if (e.code === 'LINK_REVOKED') return t.linkRevoked;
  if (e.code === 'LINK_EXPIRED') return t.linkExpired;
  if (e.code === 'RATE_LIMITED') return fmt(t.rateLimited, { s: e.retryAfterSeconds ?? 60 });
  if (e.code === 'NETWORK' || e.status === 503) return t.network;
  if (e.status === 404 && e.field === 'link') return t.linkUnknown;
  const said = sayReason(e);
  return said ?? fmt(t.error, { message: e.message });
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
