import 'maplibre-gl/dist/maplibre-gl.css';
import { GeoJSONSource, Map as MapLibreMap, NavigationControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { fromMapPosition, toMapPosition } from './mapPosition';
import type { LngLat } from './queries';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The finder's map once loaded, for browser tests. */
    __finderMap?: MapLibreMap;
  }
}

/** 郑州市, where the seed data is, when no origin is known yet. */
const DEFAULT_CENTRE: LngLat = { lng: 113.63, lat: 34.75 };

/**
 * A basemap that needs no network and almost no bytes: a background, the server's station tiles (county counts
 * below zoom 8, stations above) and the search's own origin and results. No glyphs or sprites are requested.
 */
function finderStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      tiles: { type: 'vector', tiles: [`${location.origin}/tiles/stations/{z}/{x}/{y}.pbf`], minzoom: 0, maxzoom: 14 },
      results: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      origin: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
      { id: 'regions', type: 'circle', source: 'tiles', 'source-layer': 'regions', paint: { 'circle-color': '#e0a39f', 'circle-radius': 4 } },
      { id: 'all-stations', type: 'circle', source: 'tiles', 'source-layer': 'stations', paint: { 'circle-color': '#9e9e9e', 'circle-radius': 4 } },
      {
        id: 'results',
        type: 'circle',
        source: 'results',
        paint: { 'circle-color': '#c62828', 'circle-radius': 9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
      },
      { id: 'origin', type: 'circle', source: 'origin', paint: { 'circle-color': '#1565c0', 'circle-radius': 8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 3 } },
    ],
  };
}

interface Props {
  origin: LngLat | null;
  stations: { id: string; name: string; location: LngLat }[];
  /** A tap on the map (not on a result): the point, in WGS-84. */
  onPick: (point: LngLat) => void;
  onSelect: (id: string) => void;
}

/** The finder's map (loaded on demand). Every position goes through toMapPosition / fromMapPosition. */
export default function FinderMap({ origin, stations, onPick, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onPick, onSelect });
  handlers.current = { onPick, onSelect };
  const data = useRef({ origin, stations });
  data.current = { origin, stations };

  const draw = () => {
    const m = map.current;
    if (!m?.isStyleLoaded()) return;
    const { origin: o, stations: list } = data.current;
    (m.getSource('origin') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: o ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: toMapPosition(o) } }] : [],
    });
    (m.getSource('results') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: list.map((s) => ({ type: 'Feature', properties: { id: s.id, name: s.name }, geometry: { type: 'Point', coordinates: toMapPosition(s.location) } })),
    });
  };

  useEffect(() => {
    if (!container.current) return;
    const m = new MapLibreMap({
      container: container.current,
      style: finderStyle(),
      center: toMapPosition(origin ?? DEFAULT_CENTRE),
      zoom: origin ? 13 : 10,
      dragRotate: false,
      pitchWithRotate: false,
      attributionControl: false,
    });
    m.touchZoomRotate.disableRotation();
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    m.on('load', draw);
    m.on('click', (e) => {
      const hit = m.queryRenderedFeatures(e.point, { layers: ['results'] })[0];
      if (hit?.properties?.id) handlers.current.onSelect(String(hit.properties.id));
      else handlers.current.onPick(fromMapPosition(e.lngLat));
    });
    map.current = m;
    window.__finderMap = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(draw, [origin, stations]);
  useEffect(() => {
    if (origin) map.current?.easeTo({ center: toMapPosition(origin), duration: 300 });
  }, [origin]);

  return <div ref={container} className="map" role="application" aria-label="map" />;
}
