import { useEffect, useState } from 'react';
import { FinderError, publicQuery } from './api';
import { mentionsHolidays, openState, readableHours, soonInstant, type OpenState } from './hours';
import { amenityLabel, kindLabel, WORDS, type Lang } from './i18n';
import { navigationLinks } from './navigation';
import { STATION, type NearbyStation, type StationDetail } from './queries';

/** `tel:` wants the digits; a station may list several numbers separated by `;`, `,` or `、`. */
const phones = (phone: string | null) => (phone ? phone.split(/[;,、]/).map((p) => p.trim()).filter(Boolean) : []);
const telHref = (p: string) => `tel:${p.replace(/[^\d+]/g, '')}`;

function OpenBadge({ state, lang }: { state: OpenState; lang: Lang }) {
  const w = WORDS[lang];
  const text = { open: w.open, closingSoon: w.closingSoon, closed: w.closed, unknown: w.unknownHours }[state];
  return <span className={`badge ${state}`} data-open-state={state}>{text}</span>;
}

function Hours({ hours, lang, holidayToday }: { hours: string | null; lang: Lang; holidayToday: boolean }) {
  const w = WORDS[lang];
  if (!hours) return null;
  return (
    <p className="hours">
      {readableHours(hours, lang)}
      {holidayToday && mentionsHolidays(hours) && <span className="badge holiday-hours">{w.holidayHours}</span>}
    </p>
  );
}

function Phones({ phone, lang }: { phone: string | null; lang: Lang }) {
  const w = WORDS[lang];
  return (
    <>
      {phones(phone).map((p) => (
        <a key={p} className="call" href={telHref(p)} onClick={(e) => e.stopPropagation()} aria-label={`${w.call} ${p}`}>
          ☎ {p}
        </a>
      ))}
    </>
  );
}

/** One station of the list: name, kind, distance, open state, hours, facilities and phone; tapping it opens it. */
export function StationCard(props: { station: NearbyStation; distanceMeters: number; lang: Lang; holidayToday: boolean; onOpen: (id: string) => void }) {
  const { station: s, distanceMeters, lang, holidayToday, onOpen } = props;
  const w = WORDS[lang];
  return (
    <li className="card" data-station-id={s.id} data-distance={distanceMeters}>
      <button type="button" className="card-open" onClick={() => onOpen(s.id)} aria-label={`${s.name} ${w.details}`}>
        <span className="name">{s.name}</span>
        <span className="meta">
          <span className="distance">{w.distance(distanceMeters)}</span> · {kindLabel(s.kind, lang)} <OpenBadge state={openState(s.isOpen, s.stillOpen)} lang={lang} />
        </span>
      </button>
      <Hours hours={s.openingHours} lang={lang} holidayToday={holidayToday} />
      <ul className="amenities" aria-label={w.amenities}>
        {s.amenities.map((a) => (
          <li key={a}>{amenityLabel(a, lang)}</li>
        ))}
      </ul>
      <Phones phone={s.phone} lang={lang} />
    </li>
  );
}

/** An opened station: everything the card shows, the address, and navigation in AMap, Baidu Maps and Tencent Maps. */
export function StationDetailView(props: { id: string; lang: Lang; distanceMeters: number | null; holidayToday: boolean; onBack: () => void }) {
  const { id, lang, distanceMeters, holidayToday, onBack } = props;
  const w = WORDS[lang];
  const [station, setStation] = useState<StationDetail | null | undefined>(undefined);
  const [error, setError] = useState<FinderError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    publicQuery<{ station: StationDetail | null }>(STATION, { id, soon: soonInstant() }, controller.signal)
      .then((d) => setStation(d.station))
      .catch((e) => (e as Error).name !== 'AbortError' && setError(e instanceof FinderError ? e : new FinderError(String(e), 'UNKNOWN')));
    return () => controller.abort();
  }, [id, attempt]);
  return (
    <main className="detail">
      <button type="button" className="secondary" onClick={onBack}>
        ← {w.back}
      </button>
      {error && (
        <p className="warn" role="alert">
          {error.code === 'RATE_LIMITED' ? w.rateLimited(error.retryAfterSeconds) : w.failed}{' '}
          <button type="button" className="link" onClick={() => setAttempt(attempt + 1)}>
            {w.retry}
          </button>
        </p>
      )}
      {station === undefined && !error && <p className="status">{w.loading}</p>}
      {station === null && <p className="empty">{w.none}</p>}
      {station && (
        <article>
          <h2>{station.name}</h2>
          <p className="meta">
            {distanceMeters != null && <span className="distance">{w.distance(distanceMeters)} · </span>}
            {kindLabel(station.kind, lang)} <OpenBadge state={openState(station.isOpen, station.stillOpen)} lang={lang} />
          </p>
          {station.address && (
            <p>
              <strong>{w.address}</strong> {station.address}
            </p>
          )}
          <Hours hours={station.openingHours} lang={lang} holidayToday={holidayToday} />
          <ul className="amenities" aria-label={w.amenities}>
            {station.amenities.map((a) => (
              <li key={a}>{amenityLabel(a, lang)}</li>
            ))}
          </ul>
          <Phones phone={station.phone} lang={lang} />
          <h3>{w.navigate}</h3>
          <nav className="navigation">
            {navigationLinks(station).map((link) => (
              <a key={link.app} className={`nav ${link.app}`} data-app={link.app} href={link.href} target="_blank" rel="noopener noreferrer">
                {w[link.app]}
              </a>
            ))}
          </nav>
        </article>
      )}
    </main>
  );
}
