import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { call, stored, VolunteerApiError, type Assignment, type Me } from './api';
import { JoinPage } from './JoinPage';
import { fmt, lang, t } from './messages';
import { Card, CopyLink, explain, MyShifts, Notice } from './parts';
import './signup.css';

/**
 * The volunteer page (its own small bundle: no admin code). `/join/<link>` registers and signs up, `/me/<token>`
 * is the volunteer's own link (remembered in this browser), `/checkin/<code>` is what a service point's QR code opens.
 */

/** `/me/<token>`: remembers the token here, then shows the volunteer's own shifts and links. */
const MePage = ({ token }: { token: string }) => {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(async () => {
    stored.set(token);
    try {
      setMe(await call<Me>('GET', '/me'));
    } catch (e) {
      if (e instanceof VolunteerApiError && e.status === 401) stored.clear();
      setError(explain(e));
    }
  }, [token]);
  useEffect(() => void load(), [load]);
  const cancel = async (a: Assignment) => {
    if (!window.confirm(t.cancelConfirm)) return;
    setBusy(a.id);
    try {
      await call('POST', `/me/assignments/${a.id}/cancel`);
      await load();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(null);
    }
  };
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!me) return <p className="muted">{t.loading}</p>;
  return (
    <>
      <p className="hello" data-testid="hello">
        {fmt(t.hello, { name: me.name })}
      </p>
      {me.joinPath && (
        <a className="button primary block" href={me.joinPath}>
          {t.toShifts}
        </a>
      )}
      <MyShifts assignments={me.assignments} onCancel={cancel} busy={busy} />
      <Card title={t.calendar} testId="calendar">
        <p className="muted small">{t.calendarHelp}</p>
        <CopyLink path={me.calendarPath} testId="calendar-link" />
      </Card>
    </>
  );
};

/** `/checkin/<code>`: checks the volunteer whose link this browser remembers in at the scanned service point. */
const CheckInPage = ({ code }: { code: string }) => {
  const [state, setState] = useState<{ kind: 'ok' | 'error' | 'info'; text: string }>({ kind: 'info', text: t.checkingIn });
  useEffect(() => {
    if (!stored.get()) {
      setState({ kind: 'error', text: t.needMyLink });
      return;
    }
    call<{ station: { name: string }; assignment: Assignment }>('POST', `/checkin/${code}`)
      .then((r) => {
        const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(r.assignment.checkedInAt ?? Date.now()));
        setState({ kind: 'ok', text: fmt(t.checkedIn, { station: r.station.name, time }) });
      })
      .catch((e) => setState({ kind: 'error', text: e instanceof VolunteerApiError && e.status === 401 ? t.needMyLink : explain(e) }));
  }, [code]);
  const token = stored.get();
  return (
    <Card title={t.checkInTitle} testId="check-in">
      <Notice kind={state.kind}>{state.text}</Notice>
      {token && state.kind !== 'info' && (
        <a className="button secondary block" href={`/me/${token}`}>
          {t.mine}
        </a>
      )}
    </Card>
  );
};

const App = () => {
  const [, kind, value] = /^\/(join|me|checkin)\/([A-Za-z0-9_-]+)/.exec(location.pathname) ?? [];
  return (
    <main className="page">
      <header className="bar">驿站 · {t.title}</header>
      {kind === 'join' && <JoinPage link={value} />}
      {kind === 'me' && <MePage token={value} />}
      {kind === 'checkin' && <CheckInPage code={value} />}
      {!kind && <Notice kind="error">{t.linkUnknown}</Notice>}
    </main>
  );
};

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
