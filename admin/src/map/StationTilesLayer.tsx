import {
  LngLatBounds,
  Popup,
  type AddLayerObject,
  type Map as MapLibreMap,
  type MapLayerMouseEvent,
  type VectorTileSource,
} from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslate } from 'react-admin';
import type { CoordinateSystem } from '../enums';
import { useMapDatum } from './mapDatum';
import { regionPrefix } from '../dataProvider';
import { STATION_STATUSES } from '../choices';
import { useMap } from './MapView';
import {
  STATUS_COLORS,
  TILE_CLUSTER_COLOR as CLUSTER_COLOR,
  TILE_REGION_COLOR as REGION_COLOR,
  TILE_UNKNOWN_STATUS_COLOR as UNKNOWN_STATUS_COLOR,
} from './StationsLayer';

/**
 * The station set as Mapbox Vector Tiles from the API (`GET /tiles/stations/{z}/{x}/{y}.pbf`, api/src/tiles/tiles.ts),
 * for sets too large to load as records: zoom 0–7 one circle per county (`regions` layer, with its station count),
 * zoom 8–10 clusters on a grid (`stations` layer, `count`; single stations keep id, name, kind, amenities),
 * zoom 11+ every station (`stations` layer, with `status`). The tiles go up to zoom 14; the map overzooms them beyond.
 */

export const TILE_SOURCE = 'station-tiles';
export const TILE_REGIONS_LAYER = 'station-tiles-regions';
export const TILE_REGION_COUNTS_LAYER = 'station-tiles-region-counts';
export const TILE_CLUSTERS_LAYER = 'station-tiles-clusters';
export const TILE_CLUSTER_COUNTS_LAYER = 'station-tiles-cluster-counts';
export const TILE_POINTS_LAYER = 'station-tiles-points';
/** Highest zoom the API is asked for; the map overzooms these tiles (every station is in them from zoom 11). */
export const TILE_MAX_ZOOM = 14;
/** Highest zoom whose tiles hold counties (`regions`); clusters and stations from the next one. */
export const REGION_ZOOM_MAX = 7;


// ---------------------------------------------------------------------------------------------
// Filters → tile URL

/** List filters the tile endpoint applies; `within` needs none, since tiles only cover the view anyway. */
const TILE_FILTERS = new Set(['kinds', 'statuses', 'amenities', 'regionCodePrefix', 'within']);

const isEmpty = (v: unknown) => v == null || v === '' || (Array.isArray(v) && v.length === 0);
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v : isEmpty(v) ? [] : [v]).map(String).filter(Boolean);

/** The set filters the tiles cannot apply (text search `q`, `needsReview`, organization ids…); tiles show them unfiltered. */
export const unsupportedTileFilters = (filter: Record<string, unknown>): string[] =>
  Object.entries(filter)
    .filter(([key, value]) => !TILE_FILTERS.has(key) && !isEmpty(value))
    .map(([key]) => key);

/**
 * The tile endpoint's query string for the list filters: `kinds`, `statuses`, `amenities` (sorted, so that equal
 * filters give equal URLs and hit the HTTP cache), `region`. Without a status filter the admin list shows every
 * status, while the endpoint defaults to ACTIVE only: the statuses are then all given.
 */
export const stationTileQuery = (filter: Record<string, unknown>): string => {
  const params: string[] = [];
  const add = (name: string, values: string[]) => {
    if (values.length) params.push(`${name}=${[...new Set(values)].sort().map(encodeURIComponent).join(',')}`);
  };
  add('kinds', listOf(filter.kinds));
  // Tiles are public and never hold PLANNED stations (the API drops the status; PLANNED alone is a 400).
  const statuses = listOf(filter.statuses);
  const shown = statuses.filter((st) => st !== 'PLANNED');
  add('statuses', statuses.length ? (shown.length ? shown : statuses) : STATION_STATUSES.filter((st) => st !== 'PLANNED'));
  add('amenities', listOf(filter.amenities));
  const region = typeof filter.regionCodePrefix === 'string' ? regionPrefix(filter.regionCodePrefix.trim()) : '';
  if (/^[0-9]{1,6}$/.test(region)) params.push(`region=${region}`);
  return params.join('&');
};

/**
 * The tile URL template; absolute, because MapLibre fetches tiles from its worker. With a basemap in GCJ-02 or
 * BD-09 the tiles' points come in that datum (`crs=`), so they sit where the basemap draws the place.
 */
export const stationTilesUrl = (query: string, datum: CoordinateSystem = 'WGS84') => {
  const params = [query, datum === 'WGS84' ? '' : `crs=${datum}`].filter(Boolean).join('&');
  return `${window.location.origin}/tiles/stations/{z}/{x}/{y}.pbf${params ? `?${params}` : ''}`;
};

// ---------------------------------------------------------------------------------------------
// Count labels without glyphs

/*
 * The offline style has no glyphs URL, and fonts from the internet are out (CSP, offline use), so a symbol layer
 * cannot have `text-field`. The counts are drawn as icons instead: the layer asks for the image `yz-count:<label>`
 * and the map's missing-image resolver paints the label on a canvas with the browser's own sans-serif font. Labels
 * are abbreviated (1.2k, 35k, 1.2M) so there are a few hundred distinct images at most.
 */
const COUNT_IMAGE_PREFIX = 'yz-count:';

type CircleLayer = Extract<AddLayerObject, { type: 'circle' }>;
type SymbolLayer = Extract<AddLayerObject, { type: 'symbol' }>;
type CircleColor = NonNullable<CircleLayer['paint']>['circle-color'];
/** A style expression (the style spec's ExpressionSpecification, which maplibre-gl does not export). */
type Expression = Extract<NonNullable<CircleLayer['paint']>['circle-radius'], unknown[]>;

const countOf: Expression = ['to-number', ['get', 'count'], 1];
const countLabel: Expression = [
  'case',
  ['<', countOf, 1000], ['to-string', countOf],
  ['<', countOf, 9950], ['concat', ['to-string', ['/', ['round', ['/', countOf, 100]], 10]], 'k'],
  ['<', countOf, 999500], ['concat', ['to-string', ['round', ['/', countOf, 1000]]], 'k'],
  ['concat', ['to-string', ['/', ['round', ['/', countOf, 100000]], 10]], 'M'],
];

let labelCanvas: HTMLCanvasElement | null = null;

const countImage = (label: string) => {
  const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  const fontSize = 11 * ratio;
  labelCanvas ??= document.createElement('canvas');
  const canvas = labelCanvas;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const font = `bold ${fontSize}px system-ui, "Noto Sans", "DejaVu Sans", sans-serif`;
  ctx.font = font;
  const pad = 2 * ratio;
  canvas.width = Math.ceil(ctx.measureText(label).width) + 2 * pad;
  canvas.height = Math.ceil(fontSize * 1.3) + 2 * pad;
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2.5 * ratio;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.45)';
  ctx.fillStyle = '#ffffff';
  const [x, y] = [canvas.width / 2, canvas.height / 2 + ratio * 0.5];
  ctx.strokeText(label, x, y);
  ctx.fillText(label, x, y);
  return { data: ctx.getImageData(0, 0, canvas.width, canvas.height), pixelRatio: ratio };
};

const resolveCountImage = (map: MapLibreMap) => (id: string) => {
  if (!id.startsWith(COUNT_IMAGE_PREFIX) || map.hasImage(id)) return;
  const image = countImage(id.slice(COUNT_IMAGE_PREFIX.length));
  if (image) map.addImage(id, image.data, { pixelRatio: image.pixelRatio });
};

// ---------------------------------------------------------------------------------------------
// Layers


/** Radius growing with the logarithm of `count`: `small` px for 1, `large` px for 100,000. */
const radiusByCount = (small: number, large: number): Expression => [
  'interpolate', ['linear'], ['ln', ['max', countOf, 1]],
  0, small,
  Math.log(100_000), large,
];

const pointColor = (fallbackStatus: string | null): CircleColor => [
  'match',
  ['coalesce', ['get', 'status'], fallbackStatus ?? 'UNKNOWN'],
  'ACTIVE', STATUS_COLORS.ACTIVE,
  'TEMPORARILY_CLOSED', STATUS_COLORS.TEMPORARILY_CLOSED,
  'RETIRED', STATUS_COLORS.RETIRED,
  UNKNOWN_STATUS_COLOR,
];

/** The only status the tile query asks for, if it asks for exactly one: the status of every station drawn. */
const onlyStatus = (query: string) => {
  const statuses = new URLSearchParams(query).get('statuses')?.split(',') ?? [];
  return statuses.length === 1 ? statuses[0] : null;
};

const layers = (fallbackStatus: string | null): AddLayerObject[] => {
  const counts = (id: string, sourceLayer: string, extra: Pick<SymbolLayer, 'filter' | 'maxzoom'>): SymbolLayer => ({
    id,
    type: 'symbol',
    source: TILE_SOURCE,
    'source-layer': sourceLayer,
    ...extra,
    layout: {
      'icon-image': ['concat', COUNT_IMAGE_PREFIX, countLabel],
      // Where labels collide the larger count wins; the circles themselves always show.
      'symbol-sort-key': ['-', 0, countOf],
      'icon-allow-overlap': false,
      'icon-padding': 1,
    },
  });
  return [
    {
      id: TILE_REGIONS_LAYER,
      type: 'circle',
      source: TILE_SOURCE,
      'source-layer': 'regions',
      maxzoom: REGION_ZOOM_MAX + 1,
      paint: {
        'circle-radius': [
          'interpolate', ['linear'], ['zoom'],
          3, radiusByCount(4, 16),
          REGION_ZOOM_MAX, radiusByCount(7, 26),
        ],
        'circle-color': REGION_COLOR,
        'circle-opacity': 0.8,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    counts(TILE_REGION_COUNTS_LAYER, 'regions', { maxzoom: REGION_ZOOM_MAX + 1 }),
    {
      id: TILE_CLUSTERS_LAYER,
      type: 'circle',
      source: TILE_SOURCE,
      'source-layer': 'stations',
      filter: ['>', countOf, 1],
      paint: {
        'circle-radius': radiusByCount(6, 22),
        'circle-color': CLUSTER_COLOR,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    counts(TILE_CLUSTER_COUNTS_LAYER, 'stations', { filter: ['>', countOf, 1] }),
    {
      id: TILE_POINTS_LAYER,
      type: 'circle',
      source: TILE_SOURCE,
      'source-layer': 'stations',
      filter: ['<=', countOf, 1],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 11, 6, 15, 9],
        'circle-color': pointColor(fallbackStatus),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  ];
};

const LAYER_IDS = [TILE_REGIONS_LAYER, TILE_REGION_COUNTS_LAYER, TILE_CLUSTERS_LAYER, TILE_CLUSTER_COUNTS_LAYER, TILE_POINTS_LAYER];

// ---------------------------------------------------------------------------------------------
// Fitting the view

/** Mainland China with Hainan, Taiwan and the South China Sea islands' latitude left out (WGS-84). */
const CHINA_BOUNDS: [[number, number], [number, number]] = [[73.4, 17.9], [135.1, 53.6]];

/**
 * Fits the view to the stations of the tile source. Their extent is not known up front: the map shows the whole
 * country (county counts), waits until its tiles are in, then fits to the counties that have stations. Stations
 * without a region are not counted at country scale, so they do not move the view. Returns a cancel function
 * (also, moving the map meanwhile cancels the second step).
 */
export const fitToTiles = (map: MapLibreMap): (() => void) => {
  map.fitBounds(CHINA_BOUNDS, { padding: 24, duration: 0 });
  map.triggerRepaint();
  const at = { zoom: map.getZoom(), ...map.getCenter() };
  let cancelled = false;
  const onIdle = () => {
    const center = map.getCenter();
    const moved = Math.abs(map.getZoom() - at.zoom) > 1e-6 || Math.abs(center.lng - at.lng) > 1e-6 || Math.abs(center.lat - at.lat) > 1e-6;
    if (cancelled || moved || !map.getSource(TILE_SOURCE)) return;
    const bounds = new LngLatBounds();
    for (const feature of map.querySourceFeatures(TILE_SOURCE, { sourceLayer: 'regions' })) {
      if (feature.geometry.type === 'Point' && Number(feature.properties.count) > 0) {
        bounds.extend(feature.geometry.coordinates as [number, number]);
      }
    }
    if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 48, maxZoom: 10, duration: 0 });
  };
  map.once('idle', onIdle);
  return () => {
    cancelled = true;
    map.off('idle', onIdle);
  };
};

// ---------------------------------------------------------------------------------------------
// The layer component

export interface StationTilesLayerProps {
  /** Query string of the tile URL (stationTileQuery of the list filters). */
  query: string;
  /** Called with the station id when a single station is clicked. */
  onSelect?: (id: string) => void;
}

/**
 * The tile source and its layers: counties (zoom 0–7) and clusters as circles sized by their count, with the count
 * on them; single stations coloured by status. Hovering names a station or tells a count; clicking a station
 * selects it, clicking a county or cluster zooms in on it.
 */
export const StationTilesLayer = ({ query, onSelect }: StationTilesLayerProps) => {
  const map = useMap();
  const datum = useMapDatum();
  const translate = useTranslate();
  const latest = useRef({ onSelect, translate, query, datum });
  latest.current = { onSelect, translate, query, datum };
  const url = useRef<string | null>(null);

  useEffect(() => {
    const { query, datum } = latest.current;
    url.current = stationTilesUrl(query, datum);
    map.setMissingStyleImageResolver(resolveCountImage(map));
    map.addSource(TILE_SOURCE, { type: 'vector', tiles: [url.current], minzoom: 0, maxzoom: TILE_MAX_ZOOM });
    for (const layer of layers(onlyStatus(query))) map.addLayer(layer);

    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'yizhan-station-popup' });
    const onMove = (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      if (!feature || feature.geometry.type !== 'Point') return;
      const { translate } = latest.current;
      const p = feature.properties;
      const count = Number(p.count ?? 1);
      const text =
        feature.layer.id === TILE_REGIONS_LAYER
          ? translate('yizhan.map.region_count', { name: p.name, count })
          : count > 1
            ? translate('yizhan.map.cluster_count', { count })
            : String(p.name ?? '');
      map.getCanvas().style.cursor = 'pointer';
      popup.setLngLat(feature.geometry.coordinates as [number, number]).setText(text).addTo(map);
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      popup.remove();
    };
    const zoomIn = (e: MapLayerMouseEvent, atLeast: number) => {
      const feature = e.features?.[0];
      if (!feature || feature.geometry.type !== 'Point') return;
      popup.remove();
      map.easeTo({
        center: feature.geometry.coordinates as [number, number],
        zoom: Math.min(Math.max(map.getZoom() + 2, atLeast), map.getMaxZoom()),
      });
    };
    const onRegionClick = (e: MapLayerMouseEvent) => zoomIn(e, REGION_ZOOM_MAX + 2);
    const onClusterClick = (e: MapLayerMouseEvent) => zoomIn(e, 0);
    const onPointClick = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties.id;
      if (id) latest.current.onSelect?.(String(id));
    };
    const hoverable = [TILE_REGIONS_LAYER, TILE_CLUSTERS_LAYER, TILE_POINTS_LAYER];
    for (const layer of hoverable) {
      map.on('mousemove', layer, onMove);
      map.on('mouseleave', layer, onLeave);
    }
    map.on('click', TILE_REGIONS_LAYER, onRegionClick);
    map.on('click', TILE_CLUSTERS_LAYER, onClusterClick);
    map.on('click', TILE_POINTS_LAYER, onPointClick);
    return () => {
      popup.remove();
      for (const layer of hoverable) {
        map.off('mousemove', layer, onMove);
        map.off('mouseleave', layer, onLeave);
      }
      map.off('click', TILE_REGIONS_LAYER, onRegionClick);
      map.off('click', TILE_CLUSTERS_LAYER, onClusterClick);
      map.off('click', TILE_POINTS_LAYER, onPointClick);
      map.getCanvas().style.cursor = '';
      if (map.getStyle()) {
        for (const id of [...LAYER_IDS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
        if (map.getSource(TILE_SOURCE)) map.removeSource(TILE_SOURCE);
        map.setMissingStyleImageResolver(null);
      }
    };
  }, [map]);

  // New filters: new tile URL (MapLibre reloads the tiles in view), and the status of stations without one.
  useEffect(() => {
    const next = stationTilesUrl(query, datum);
    if (next === url.current) return;
    url.current = next;
    map.getSource<VectorTileSource>(TILE_SOURCE)?.setTiles([next]);
    map.setPaintProperty(TILE_POINTS_LAYER, 'circle-color', pointColor(onlyStatus(query)));
  }, [map, query, datum]);

  return null;
};
