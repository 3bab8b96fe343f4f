import { Box, Stack, Typography } from '@mui/material';
import type { FeatureCollection, Point } from 'geojson';
import { LngLatBounds, Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslate } from 'react-admin';
import type { CoordinateSystem } from '../enums';
import { toMapDatum, useMapDatum } from './mapDatum';
import type { Station } from '../records';
import { useMap } from './MapView';

const SOURCE = 'stations';
export const STATIONS_LAYER = 'stations-circles';

export const STATUS_COLORS = {
  PLANNED: '#7b1fa2',
  ACTIVE: '#2e7d32',
  TEMPORARILY_CLOSED: '#ed6c02',
  RETIRED: '#9e9e9e',
} as const;
const NEEDS_REVIEW_COLOR = '#c62828';
/** Colours of the vector-tile layers' counties and clusters (StationTilesLayer). */
export const TILE_REGION_COLOR = '#3949ab';
export const TILE_CLUSTER_COLOR = '#1e88e5';
/** Single stations of zoom 8–10, whose tiles leave the status out. */
export const TILE_UNKNOWN_STATUS_COLOR = '#546e7a';

type StationPoint = Pick<Station, 'id' | 'name' | 'status' | 'location'> & { provenance?: { needsReview: boolean } | null };

/** The stations as GeoJSON points where a basemap in `datum` draws them. */
const toFeatures = (stations: StationPoint[], datum: CoordinateSystem): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: stations.map((s) => {
    const at = toMapDatum(s.location, datum);
    return {
      type: 'Feature',
      properties: { id: s.id, name: s.name, status: s.status, needsReview: s.provenance?.needsReview ?? false },
      geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
    };
  }),
});

/** Fits the map (its basemap in `datum`) to the stations, no animation; does nothing without stations. */
export const fitToStations = (map: MapLibreMap, stations: StationPoint[], maxZoom = 14, datum: CoordinateSystem = 'WGS84') => {
  if (stations.length === 0) return;
  const bounds = new LngLatBounds();
  for (const s of stations) {
    const at = toMapDatum(s.location, datum);
    bounds.extend([at.lng, at.lat]);
  }
  map.fitBounds(bounds, { padding: 48, maxZoom, duration: 0 });
};

export interface StationsLayerProps {
  stations: StationPoint[];
  /** Called with the station id when its marker is clicked. */
  onSelect?: (id: string) => void;
}

/**
 * Stations as a circle layer on a GeoJSON source built from records already loaded (up to the
 * list's 1000): colour by status, red ring when the record needs review, name on hover.
 */
export const StationsLayer = ({ stations, onSelect }: StationsLayerProps) => {
  const map = useMap();
  const datum = useMapDatum();
  const data = useMemo(() => toFeatures(stations, datum), [stations, datum]);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: STATIONS_LAYER,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3.5, 10, 6, 15, 9],
        'circle-color': [
          'match',
          ['get', 'status'],
          'ACTIVE', STATUS_COLORS.ACTIVE,
          'TEMPORARILY_CLOSED', STATUS_COLORS.TEMPORARILY_CLOSED,
          STATUS_COLORS.RETIRED,
        ],
        'circle-stroke-color': ['case', ['get', 'needsReview'], NEEDS_REVIEW_COLOR, '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'needsReview'], 2.5, 1.5],
      },
    });
    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'yizhan-station-popup' });
    const onEnter = (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      if (!feature || feature.geometry.type !== 'Point') return;
      map.getCanvas().style.cursor = 'pointer';
      popup
        .setLngLat(feature.geometry.coordinates as [number, number])
        .setText(String(feature.properties.name))
        .addTo(map);
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      popup.remove();
    };
    const onClick = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties.id;
      if (id) onSelectRef.current?.(String(id));
    };
    map.on('mouseenter', STATIONS_LAYER, onEnter);
    map.on('mouseleave', STATIONS_LAYER, onLeave);
    map.on('click', STATIONS_LAYER, onClick);
    return () => {
      popup.remove();
      map.off('mouseenter', STATIONS_LAYER, onEnter);
      map.off('mouseleave', STATIONS_LAYER, onLeave);
      map.off('click', STATIONS_LAYER, onClick);
      if (map.getStyle()) {
        map.removeLayer(STATIONS_LAYER);
        map.removeSource(SOURCE);
      }
    };
  }, [map]);

  useEffect(() => {
    map.getSource<GeoJSONSource>(SOURCE)?.setData(data);
  }, [map, data]);

  return null;
};

/**
 * Colour key of the station markers; with `tiles`, of the vector-tile layers (StationTilesLayer): counties and
 * clusters instead of the needs-review ring, which tiles do not carry.
 */
export const StationsLegend = ({ tiles = false }: { tiles?: boolean }) => {
  const translate = useTranslate();
  const dot = (color: string, ring = '#fff', size = 12) => (
    <Box component="span" sx={{ width: size, height: size, borderRadius: '50%', bgcolor: color, border: `2px solid ${ring}`, boxShadow: '0 0 0 1px #0002' }} />
  );
  return (
    <Stack
      spacing={0.5}
      sx={{ position: 'absolute', left: 8, bottom: 8, p: 1, bgcolor: 'background.paper', borderRadius: 1, boxShadow: 1, opacity: 0.92 }}
    >
      {(Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[]).map((status) => (
        <Stack key={status} direction="row" spacing={1} alignItems="center">
          {dot(STATUS_COLORS[status])}
          <Typography variant="caption">{translate(`enums.StationStatus.${status}`)}</Typography>
        </Stack>
      ))}
      {tiles ? (
        <>
          <Stack direction="row" spacing={1} alignItems="center">
            {dot(TILE_UNKNOWN_STATUS_COLOR)}
            <Typography variant="caption">{translate('yizhan.map.legend_station')}</Typography>
          </Stack>
          <Stack direction="row" spacing={1} alignItems="center">
            {dot(TILE_CLUSTER_COLOR)}
            <Typography variant="caption">{translate('yizhan.map.legend_cluster')}</Typography>
          </Stack>
          <Stack direction="row" spacing={1} alignItems="center">
            {dot(TILE_REGION_COLOR)}
            <Typography variant="caption">{translate('yizhan.map.legend_region')}</Typography>
          </Stack>
        </>
      ) : (
        <Stack direction="row" spacing={1} alignItems="center">
          {dot('#fff', NEEDS_REVIEW_COLOR)}
          <Typography variant="caption">{translate('yizhan.needsReview')}</Typography>
        </Stack>
      )}
    </Stack>
  );
};
