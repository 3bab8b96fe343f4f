import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { FinderError, publicQuery } from './api';
import { chinaToday, soonInstant } from './hours';
import { KINDS, NEEDS, WORDS, type Lang } from './i18n';
import { HOLIDAYS, NEARBY, PLACES, type LngLat, type NearbyPage, type Place } from './queries';
import { StationCard, StationDetailView } from './StationViews';

// MapLibre (about 450 kB gzip with its worker) loads only when the map is opened.
const FinderMap = lazy(() => import('./FinderMap'));

const RADII = [3000, 10_000, 50_000] as const;

export interface Origin {
  point: LngLat;
  label: string;
}

type Edge = NearbyPage['nearbyStations']['edges'][number];

interface Results {
  edges: Edge[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

const initialLang = (): Lang => (new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');

/** 驿站地图: the nearest open stations from the phone's position, a typed place or a point picked on the map. */
export function FinderApp() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const w = WORDS[lang];
  const [origin, setOrigin] = useState<Origin | null>(null);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState(false);
  const [needs, setNeeds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [radius, setRadius] = useState<number>(10_000);
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<FinderError | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [holiday, setHoliday] = useState<{ kind: string; name: string } | null>(null);
  const search = useRef<AbortController | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  useEffect(() => {
    const today = chinaToday();
    publicQuery<{ holidayCalendar: { days: { date: string; kind: string; name: string }[] } }>(HOLIDAYS, { year: Number(today.slice(0, 4)) })
      .then((d) => setHoliday(d.holidayCalendar.days.find((day) => day.date === today) ?? null))
      .catch(() => undefined);
  }, []);

  const locate = useCallback(() => {
    if (!navigator.geolocation) {
      setLocationError(true);
      return;
    }
    setLocating(true);
    setLocationError(false);
    // The W3C Geolocation API answers WGS-84, the API's default datum.
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setOrigin({ point: { lng: p.coords.longitude, lat: p.coords.latitude }, label: 'gps' });
      },
      () => {
        setLocating(false);
        setLocationError(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, []);

  // Locate at once when the phone has already allowed it; otherwise wait for the button.
  useEffect(() => {
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((status) => status.state === 'granted' && locate())
      .catch(() => undefined);
  }, [locate]);

  const load = useCallback(
    async (after: string | null) => {
      if (!origin) return;
      search.current?.abort();
      const controller = new AbortController();
      search.current = controller;
      setLoading(true);
      setError(null);
      try {
        const data = await publicQuery<NearbyPage>(
          NEARBY,
          {
            near: { ...origin.point, crs: 'WGS84' },
            radius,
            kinds: kinds.length ? kinds : null,
            amenities: needs.length ? needs : null,
            openNow: onlyOpen ? true : null,
            soon: soonInstant(),
            after,
          },
          controller.signal,
        );
        const page = data.nearbyStations;
        setResults((previous) => ({
          edges: after && previous ? [...previous.edges, ...page.edges] : page.edges,
          totalCount: page.totalCount,
          endCursor: page.pageInfo.endCursor,
          hasNextPage: page.pageInfo.hasNextPage,
        }));
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setError(e instanceof FinderError ? e : new FinderError(String(e), 'UNKNOWN'));
      } finally {
        if (search.current === controller) setLoading(false);
      }
    },
    [origin, radius, kinds, needs, onlyOpen],
  );

  // A new origin or filter starts a new search (after a short pause, so quick taps on chips send one request).
  useEffect(() => {
    if (!origin) return;
    const timer = setTimeout(() => void load(null), 200);
    return () => clearTimeout(timer);
  }, [origin, load]);

  // The phone's back button closes an opened station.
  useEffect(() => {
    const onPop = () => setSelected(new URLSearchParams(location.hash.slice(1)).get('station'));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const openStation = (id: string) => {
    history.pushState(null, '', `#station=${encodeURIComponent(id)}`);
    setSelected(id);
    window.scrollTo(0, 0);
  };
  const closeStation = () => {
    if (location.hash.startsWith('#station=')) history.back();
    else setSelected(null);
  };

  const toggle = (list: string[], value: string, set: (v: string[]) => void) =>
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const originLabel = origin ? (origin.label === 'gps' ? w.myLocation : origin.label === 'map' ? w.pickedPoint : origin.label) : null;
  const distanceOf = (id: string) => results?.edges.find((e) => e.node.id === id)?.distanceMeters ?? null;

  return (
    <div className="finder">
      <header className="bar">
        <h1>{w.title}</h1>
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {w.language}
        </button>
      </header>
      {holiday && <p className="holiday" role="status">{holiday.kind === 'HOLIDAY' ? w.todayHoliday(holiday.name) : w.todayWorkday(holiday.name)}</p>}
      {selected ? (
        <StationDetailView id={selected} lang={lang} distanceMeters={distanceOf(selected)} holidayToday={holiday?.kind === 'HOLIDAY'} onBack={closeStation} />
      ) : (
        <main>
          {!origin && <p className="subtitle">{w.subtitle}</p>}
          <section className="where">
            <button type="button" className="primary" onClick={locate} disabled={locating}>
              {locating ? w.locating : `◎ ${w.useLocation}`}
            </button>
            <PlaceSearch lang={lang} onChoose={(p) => p.centre && setOrigin({ point: p.centre, label: p.name })} />
            <button type="button" className="secondary" onClick={() => setShowMap(!showMap)} aria-expanded={showMap}>
              {showMap ? w.hideMap : w.pickOnMap}
            </button>
            {locationError && <p className="warn">{w.locationDenied}</p>}
          </section>
          {showMap && (
            <Suspense fallback={<div className="map placeholder">{w.loading}</div>}>
              <p className="hint">{w.mapHint}</p>
              <FinderMap
                origin={origin?.point ?? null}
                stations={results?.edges.map((e) => ({ id: e.node.id, name: e.node.name, location: e.node.location })) ?? []}
                onPick={(point) => setOrigin({ point, label: 'map' })}
                onSelect={openStation}
              />
            </Suspense>
          )}
          <fieldset className="chips">
            <legend>{w.needs}</legend>
            <div className="row">
            {NEEDS.map((n) => (
              <button key={n.amenity} type="button" aria-pressed={needs.includes(n.amenity)} onClick={() => toggle(needs, n.amenity, setNeeds)}>
                {n[lang]}
              </button>
            ))}
            </div>
          </fieldset>
          <fieldset className="chips">
            <legend>{w.kinds}</legend>
            <div className="row">
            {KINDS.map((k) => (
              <button key={k.kind} type="button" aria-pressed={kinds.includes(k.kind)} onClick={() => toggle(kinds, k.kind, setKinds)}>
                {k[lang]}
              </button>
            ))}
            </div>
          </fieldset>
          <div className="options">
            <label className="switch">
              <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {w.onlyOpen}
            </label>
            <label>
              {w.radius}{' '}
              <select value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
                {RADII.map((r) => (
                  <option key={r} value={r}>
                    {w.km(r)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <section className="results" aria-live="polite" aria-busy={loading}>
            {!origin && <p className="empty">{w.noLocation}</p>}
            {origin && (
              <p className="status">
                {w.near}: {originLabel}
                {results && !loading && ` · ${w.found(results.totalCount)}`}
                {loading && ` · ${w.loading}`}
              </p>
            )}
            {error && (
              <p className="warn" role="alert">
                {error.code === 'RATE_LIMITED' ? w.rateLimited(error.retryAfterSeconds) : w.failed}{' '}
                <button type="button" className="link" onClick={() => void load(null)}>
                  {w.retry}
                </button>
              </p>
            )}
            {results && origin && !loading && results.edges.length === 0 && !error && <p className="empty">{w.none}</p>}
            <ol className="stations">
              {results?.edges.map((e) => (
                <StationCard key={e.node.id} station={e.node} distanceMeters={e.distanceMeters} lang={lang} holidayToday={holiday?.kind === 'HOLIDAY'} onOpen={openStation} />
              ))}
            </ol>
            {results?.hasNextPage && (
              <button type="button" className="secondary wide" disabled={loading} onClick={() => void load(results.endCursor)}>
                {w.more}
              </button>
            )}
          </section>
        </main>
      )}
    </div>
  );
}

/** Places by name from the public `regions` query (cities and counties with their centres). */
function PlaceSearch({ lang, onChoose }: { lang: Lang; onChoose: (p: Place) => void }) {
  const w = WORDS[lang];
  const [text, setText] = useState('');
  const [places, setPlaces] = useState<Place[]>([]);
  const chosen = useRef('');
  useEffect(() => {
    const term = text.trim();
    if (!term || term === chosen.current) {
      setPlaces([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      publicQuery<{ regions: { nodes: Place[] } }>(PLACES, { search: term }, controller.signal)
        .then((d) => setPlaces(d.regions.nodes.filter((p) => p.centre)))
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return (
    <div className="place">
      <input type="search" value={text} placeholder={w.placeholder} aria-label={w.placeholder} onChange={(e) => setText(e.target.value)} enterKeyHint="search" />
      {places.length > 0 && (
        <ul className="suggestions">
          {places.map((p) => (
            <li key={p.code}>
              <button
                type="button"
                onClick={() => {
                  onChoose(p);
                  chosen.current = p.name;
                  setText(p.name);
                  setPlaces([]);
                }}
              >
                {p.name} <small>{p.code}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
