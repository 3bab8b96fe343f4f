import 'maplibre-gl/dist/maplibre-gl.css';
import { GeoJSONSource, Map as MapLibreMap, NavigationControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { publicQuery } from './api';
import { fromMapPosition, toMapPosition, type MapDatum } from './mapPosition';
import { MAP_CONFIG, type LngLat } from './queries';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The finder's map once loaded, for browser tests. */
    __finderMap?: MapLibreMap;
  }
}

/** 郑州市, where the seed data is, when no origin is known yet. */
const DEFAULT_CENTRE: LngLat = { lng: 113.63, lat: 34.75 };

/** The finder's own sources: the server's station tiles (in the basemap's datum) and the search's origin and results. */
function finderSources(datum: MapDatum): StyleSpecification['sources'] {
  const crs = datum === 'WGS84' ? '' : `?crs=${datum}`;
  return {
    tiles: { type: 'vector', tiles: [`${location.origin}/tiles/stations/{z}/{x}/{y}.pbf${crs}`], minzoom: 0, maxzoom: 14 },
    results: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    origin: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
}

/**
 * A basemap that needs no network and almost no bytes: a background, the server's station tiles (county counts
 * below zoom 8, stations above) and the search's own origin and results. No glyphs or sprites are requested.
 */
function finderStyle(): StyleSpecification {
  return {
    version: 8,
    sources: finderSources('WGS84'),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
      ...FINDER_LAYERS,
    ],
  };
}

/** The finder's layers over any basemap: county counts, all stations, the results and the origin. */
const FINDER_LAYERS: StyleSpecification['layers'] = [
      { id: 'regions', type: 'circle', source: 'tiles', 'source-layer': 'regions', paint: { 'circle-color': '#e0a39f', 'circle-radius': 4 } },
      { id: 'all-stations', type: 'circle', source: 'tiles', 'source-layer': 'stations', paint: { 'circle-color': '#9e9e9e', 'circle-radius': 4 } },
      {
        id: 'results',
        type: 'circle',
        source: 'results',
        paint: { 'circle-color': '#c62828', 'circle-radius': 9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
      },
      { id: 'origin', type: 'circle', source: 'origin', paint: { 'circle-color': '#1565c0', 'circle-radius': 8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 3 } },
];

/** The server's basemap: its online style and datum, or the bundled background in WGS-84 (also when the query fails). */
async function basemap(): Promise<{ style: string | null; datum: MapDatum }> {
  try {
    const { appConfig } = await publicQuery<{ appConfig: { mapStyleUrl: string | null; mapDatum: MapDatum } }>(MAP_CONFIG, {});
    return { style: appConfig.mapStyleUrl, datum: appConfig.mapStyleUrl ? appConfig.mapDatum : 'WGS84' };
  } catch {
    return { style: null, datum: 'WGS84' };
  }
}

interface Props {
  origin: LngLat | null;
  stations: { id: string; name: string; location: LngLat }[];
  /** A tap on the map (not on a result): the point, in WGS-84. */
  onPick: (point: LngLat) => void;
  onSelect: (id: string) => void;
}

/**
 * The finder's map (loaded on demand), over the server's basemap (MAP_STYLE_URL, drawn in MAP_STYLE_DATUM) or the
 * bundled background. Every position goes through toMapPosition / fromMapPosition with that datum.
 */
export default function FinderMap({ origin, stations, onPick, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onPick, onSelect });
  handlers.current = { onPick, onSelect };
  const data = useRef({ origin, stations });
  data.current = { origin, stations };
  const datum = useRef<MapDatum>('WGS84');

  const draw = () => {
    const m = map.current;
    if (!m?.isStyleLoaded()) return;
    const { origin: o, stations: list } = data.current;
    (m.getSource('origin') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: o ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: toMapPosition(o, datum.current) } }] : [],
    });
    (m.getSource('results') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: list.map((s) => ({ type: 'Feature', properties: { id: s.id, name: s.name }, geometry: { type: 'Point', coordinates: toMapPosition(s.location, datum.current) } })),
    });
  };

  useEffect(() => {
    let m: MapLibreMap | null = null;
    let cancelled = false;
    void basemap().then(({ style, datum: d }) => {
      if (cancelled || !container.current) return;
      datum.current = d;
      const { origin: o } = data.current;
      m = new MapLibreMap({
        container: container.current,
        style: style ?? finderStyle(),
        center: toMapPosition(o ?? DEFAULT_CENTRE, d),
        zoom: o ? 13 : 10,
        dragRotate: false,
        pitchWithRotate: false,
        attributionControl: style ? { compact: true } : false,
      });
      const map0 = m;
      map0.touchZoomRotate.disableRotation();
      map0.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      map0.on('load', () => {
        // Over an online basemap, the finder's sources and layers go on top of the style's own.
        if (style) {
          for (const [id, source] of Object.entries(finderSources(d))) map0.addSource(id, source);
          for (const layer of FINDER_LAYERS) map0.addLayer(layer);
        }
        draw();
      });
      map0.on('click', (e) => {
        const hit = map0.queryRenderedFeatures(e.point, { layers: ['results'] })[0];
        if (hit?.properties?.id) handlers.current.onSelect(String(hit.properties.id));
        else handlers.current.onPick(fromMapPosition(e.lngLat, datum.current));
      });
      map.current = map0;
      window.__finderMap = map0;
    });
    return () => {
      cancelled = true;
      m?.remove();
      map.current = null;
    };
  }, []);

  useEffect(draw, [origin, stations]);
  useEffect(() => {
    if (origin) map.current?.easeTo({ center: toMapPosition(origin, datum.current), duration: 300 });
  }, [origin]);

  return <div ref={container} className="map" role="application" aria-label="map" />;
}
