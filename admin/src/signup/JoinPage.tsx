import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call, stored, VolunteerApiError, type Assignment, type LinkInfo, type Me, type OpenShift } from './api';
import { dayOf, hoursOf } from './format';
import { fmt, t } from './messages';
import { Card, CopyLink, explain, MyShifts, Notice } from './parts';

const SKILLS = Object.keys(t.skill);

/** First visit: name, phone, skills and consent to the stated use of the data. */
const RegisterForm = ({ link, info, onDone }: { link: string; info: LinkInfo; onDone: (token: string) => void }) => {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [skills, setSkills] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call<{ token: string }>('POST', `/links/${link}/register`, { name, phone, skills, consentVersion: consent ? info.consent.version : null });
      onDone(r.token);
    } catch (err) {
      setError({ field: err instanceof VolunteerApiError ? err.field : undefined, text: explain(err) });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (s: string) => setSkills((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));
  return (
    <Card title={t.registerTitle} testId="register">
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{t.name}</span>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={50} autoComplete="name" aria-invalid={error?.field === 'name'} required />
        </label>
        <label className="field">
          <span>{t.phone}</span>
          <input name="phone" value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="tel" maxLength={21} aria-invalid={error?.field === 'phone'} required />
        </label>
        <fieldset className="field">
          <legend>{t.skills}</legend>
          <div className="skills">
            {SKILLS.map((s) => (
              <label key={s} className={`skill ${skills.includes(s) ? 'on' : ''}`}>
                <input type="checkbox" checked={skills.includes(s)} onChange={() => toggle(s)} value={s} />
                {t.skill[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="consent">
          <input type="checkbox" name="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-invalid={error?.field === 'consentVersion'} />
          <span>
            {t.consent}
            {info.consent.text}
          </span>
        </label>
        {error && <Notice kind="error">{error.text}</Notice>}
        <button type="submit" className="primary" disabled={busy || !consent} data-testid="register-submit">
          {t.submit}
        </button>
      </form>
    </Card>
  );
};

/** The campaign's open shifts, by service point and day. */
const OpenShifts = ({ shifts, zone, onSignUp, busy }: { shifts: OpenShift[]; zone: string; onSignUp: (s: OpenShift) => void; busy: string | null }) => {
  const points = new Map<string, { name: string; address: string | null; days: Map<string, OpenShift[]> }>();
  for (const s of shifts) {
    const p = points.get(s.station.id) ?? { name: s.station.name, address: s.station.address, days: new Map() };
    const day = dayOf(s.startsAt, zone);
    p.days.set(day, [...(p.days.get(day) ?? []), s]);
    points.set(s.station.id, p);
  }
  return (
    <Card title={t.open} testId="open-shifts">
      {shifts.length === 0 && <p className="muted">{t.noOpen}</p>}
      {[...points.entries()].map(([id, p]) => (
        <div key={id} className="point" data-testid="service-point">
          <h3>{p.name}</h3>
          {p.address && <p className="muted small">{p.address}</p>}
          {[...p.days.entries()].map(([day, list]) => (
            <div key={day}>
              <h4>{day}</h4>
              <ul className="list">
                {list.map((s) => {
                  const full = s.filledCount >= s.capacity;
                  return (
                    <li key={s.id} className="row" data-testid="open-shift">
                      <div className="grow">
                        <div className="strong">
                          {hoursOf(s.startsAt, s.endsAt, zone)} <span className="muted">{s.role === 'VOLUNTEER' ? '' : s.role}</span>
                        </div>
                        <div className="muted small">
                          {fmt(t.places, { filled: s.filledCount, capacity: s.capacity })}
                          {s.waitlistCount ? ` · ${fmt(t.waiting, { n: s.waitlistCount })}` : ''}
                          {s.requiredSkills.length ? ` · ${fmt(t.needs, { skills: s.requiredSkills.map((k) => t.skill[k] ?? k).join('、') })}` : ''}
                        </div>
                      </div>
                      {s.myStatus ? (
                        <span className={`chip chip-${s.myStatus}`}>{t.status[s.myStatus] ?? s.myStatus}</span>
                      ) : (
                        <button type="button" className={full ? 'secondary' : 'primary'} disabled={busy === s.id} onClick={() => onSignUp(s)} data-testid="sign-up">
                          {full ? t.joinWaitlist : t.signUp}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </Card>
  );
};

/** `/join/<link>`: the link's campaign; registration the first time, then the open shifts and the volunteer's own. */
export const JoinPage = ({ link }: { link: string }) => {
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [shifts, setShifts] = useState<OpenShift[]>([]);
  const [token, setToken] = useState(stored.get());
  const [fresh, setFresh] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const i = await call<LinkInfo>('GET', `/links/${link}`);
      setInfo(i);
      if (!stored.get()) return;
      const [m, s] = await Promise.all([call<Me>('GET', '/me'), call<{ shifts: OpenShift[] }>('GET', `/links/${link}/shifts`)]);
      setMe(m);
      setShifts(s.shifts);
    } catch (e) {
      if (e instanceof VolunteerApiError && e.status === 401) {
        stored.clear();
        setToken(null);
        return;
      }
      setFatal(explain(e));
    }
  }, [link]);
  useEffect(() => void load(), [load, token]);

  const act = async (id: string, fn: () => Promise<string>) => {
    setBusy(id);
    setNote(null);
    try {
      setNote({ kind: 'ok', text: await fn() });
      await load();
    } catch (e) {
      setNote({ kind: 'error', text: explain(e) });
      if (e instanceof VolunteerApiError && e.status === 410) setFatal(explain(e));
    } finally {
      setBusy(null);
    }
  };
  const signUp = (s: OpenShift) =>
    act(s.id, async () => {
      const { assignment } = await call<{ assignment: Assignment }>('POST', `/links/${link}/shifts/${s.id}/signup`);
      return assignment.status === 'WAITLISTED' ? fmt(t.waitlisted, { n: assignment.waitlistPosition ?? '' }) : t.signedUp;
    });
  const cancel = (a: Assignment) =>
    act(a.id, async () => {
      if (!window.confirm(t.cancelConfirm)) return '';
      await call('POST', `/me/assignments/${a.id}/cancel`);
      return t.cancelled;
    });

  if (fatal)
    return (
      <>
        <Notice kind="error">{fatal}</Notice>
        {token && (
          <a className="button secondary block" href={`/me/${token}`} data-testid="to-my-page">
            {t.mine}
          </a>
        )}
      </>
    );
  if (!info) return <p className="muted">{t.loading}</p>;
  const zone = info.link.campaign.timezone;
  return (
    <>
      <Card testId="campaign">
        <h1>{info.link.campaign.name}</h1>
        <p className="muted small">
          {t.window}：{dayOf(info.link.campaign.startsAt, zone)} – {dayOf(info.link.campaign.endsAt, zone)}
          {info.link.team ? ` · ${t.team}：${info.link.team.name}` : ''}
        </p>
        {info.link.campaign.description && <p className="small">{info.link.campaign.description}</p>}
      </Card>
      {!token && (
        <RegisterForm
          link={link}
          info={info}
          onDone={(tk) => {
            stored.set(tk);
            setFresh(true);
            setToken(tk);
          }}
        />
      )}
      {token && me && (
        <>
          <p className="hello" data-testid="hello">
            {fmt(t.hello, { name: me.name })}
          </p>
          {note && note.text && <Notice kind={note.kind}>{note.text}</Notice>}
          <OpenShifts shifts={shifts} zone={zone} onSignUp={signUp} busy={busy} />
          <MyShifts assignments={me.assignments} onCancel={cancel} busy={busy} />
          <Card title={t.calendar} testId="calendar">
            <p className="muted small">{t.calendarHelp}</p>
            <CopyLink path={me.calendarPath} testId="calendar-link" />
          </Card>
          <Card title={t.myLink} testId="my-link">
            <p className={fresh ? 'notice notice-info' : 'muted small'}>{t.myLinkHelp}</p>
            <CopyLink path={`/me/${token}`} testId="my-link-url" />
          </Card>
        </>
      )}
    </>
  );
};
