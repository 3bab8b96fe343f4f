import CenterFocusStrong from '@mui/icons-material/CenterFocusStrong';
import { Alert, Box, Card, FormControlLabel, IconButton, Stack, Switch, Tooltip, Typography } from '@mui/material';
import { useEffect, useMemo, useRef } from 'react';
import { useGetList, useListContext, useRedirect, useTranslate } from 'react-admin';
import { can, useRole } from '../auth';
import { MapView, useMap } from '../map/MapView';
import { fitToStations, StationsLayer, StationsLegend } from '../map/StationsLayer';
import { fromMapDatum, useMapDatum } from '../map/mapDatum';
import type { CoordinateSystem } from '../enums';
import { fitToTiles, StationTilesLayer, stationTileQuery, unsupportedTileFilters } from '../map/StationTilesLayer';
import type { Station } from '../records';

/** The most markers the map asks for (the API's page limit). */
export const MAP_LIMIT = 1000;

/**
 * Above this many stations in the filtered list, the map draws the API's vector tiles (StationTilesLayer) instead
 * of loading the records as markers. It equals MAP_LIMIT: markers can show every station only up to there.
 */
export const TILE_THRESHOLD = MAP_LIMIT;

/** Where the threshold can be overridden, for browser tests and demonstrations with little data. */
export const TILE_THRESHOLD_PARAM = 'mapTileThreshold';
export const TILE_THRESHOLD_STORAGE_KEY = 'yizhan.mapTileThreshold';

/**
 * TILE_THRESHOLD, unless overridden by a non-negative integer in the page's query string (`/?mapTileThreshold=0#/stations`,
 * before the `#`: the hash router leaves it alone) or in localStorage (`yizhan.mapTileThreshold`). 0 draws tiles
 * whenever there is a station.
 */
export const tileThreshold = (): number => {
  const parse = (raw: string | null | undefined) => (raw != null && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : null);
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(TILE_THRESHOLD_STORAGE_KEY);
  } catch {
    // Storage may be unavailable (privacy settings); the query string and the default remain.
  }
  return parse(new URLSearchParams(window.location.search).get(TILE_THRESHOLD_PARAM)) ?? parse(stored) ?? TILE_THRESHOLD;
};

type Bounds = { west: number; south: number; east: number; north: number };

// 1e-5 degree is about a metre: enough for a filter, and it keeps the URL short.
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The view as WGS-84 bounds (the basemap may be drawn in GCJ-02 or BD-09: its corners are converted back). */
const boundsOf = (map: ReturnType<typeof useMap>, datum: CoordinateSystem): Bounds => {
  const b = map.getBounds();
  const sw = fromMapDatum({ lng: b.getWest(), lat: b.getSouth() }, datum);
  const ne = fromMapDatum({ lng: b.getEast(), lat: b.getNorth() }, datum);
  return { west: round(sw.lng), south: round(sw.lat), east: round(ne.lng), north: round(ne.lat) };
};

type Fit = (map: ReturnType<typeof useMap>, datum: CoordinateSystem) => (() => void) | void;

/**
 * Keeps the `within` filter equal to the map view while it is on, and fits the view to new results while it is off.
 * `ready`: `fit` would show the result of the current filters (not the previous ones kept while fetching); `mode`:
 * how they are drawn (a new mode refits). `fit` may return a function that cancels it (a fit that waits for tiles).
 */
const MapSync = ({ fit, ready, mode }: { fit: Fit; ready: boolean; mode: string }) => {
  const map = useMap();
  const datum = useMapDatum();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const withinOn = filterValues.within != null || displayedFilters.within === true;
  const latest = useRef({ filterValues, displayedFilters, setFilters, fit });
  latest.current = { filterValues, displayedFilters, setFilters, fit };

  useEffect(() => {
    if (!withinOn) return;
    const update = () => {
      const { filterValues, displayedFilters, setFilters } = latest.current;
      setFilters({ ...filterValues, within: boundsOf(map, datum) }, { ...displayedFilters, within: true }, false);
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [map, withinOn, datum]);

  // Refit when the filters (other than the view itself) or the way the stations are drawn change.
  const { within: _within, ...otherFilters } = filterValues;
  const fitKey = `${mode}:${JSON.stringify(otherFilters)}`;
  const fittedFor = useRef<string | null>(null);
  const cancelFit = useRef<(() => void) | void>(undefined);
  useEffect(() => {
    if (!ready || withinOn || fittedFor.current === fitKey) return;
    fittedFor.current = fitKey;
    cancelFit.current?.();
    cancelFit.current = latest.current.fit(map, datum);
  }, [map, ready, withinOn, fitKey]);
  useEffect(
    () => () => {
      cancelFit.current?.();
      fittedFor.current = null;
    },
    [],
  );

  return null;
};

const NO_STATIONS: Station[] = [];

const FitButton = ({ fit }: { fit: Fit }) => {
  const datum = useMapDatum();
  const map = useMap();
  const translate = useTranslate();
  return (
    <Tooltip title={translate('yizhan.map.fit')}>
      <IconButton
        size="small"
        onClick={() => fit(map, datum)}
        sx={{ position: 'absolute', top: 8, left: 8, bgcolor: 'background.paper', boxShadow: 1, '&:hover': { bgcolor: 'background.paper' } }}
      >
        <CenterFocusStrong fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};

/**
 * The list's filtered stations on a map, beside the datagrid. Up to the tile threshold the stations are loaded
 * (up to MAP_LIMIT) and drawn as markers, coloured by status with a ring when they need review. Above it, and when
 * the tiles can apply every filter set (not text search or needs-review) and the list holds every station (not an
 * OPERATOR's), the map draws the API's vector tiles: counties, clusters and stations, never loading the records.
 * A switch limits the list to the current map view (`within` filter). Clicking a station opens it.
 */
export const StationsMapPanel = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const role = useRole();
  const { filterValues, displayedFilters, setFilters, sort, total: listTotal, error: listError } = useListContext();
  const threshold = useMemo(tileThreshold, []);
  const unsupported = unsupportedTileFilters(filterValues);
  // The list's own total (of the same filters) decides before any station is loaded for the map. With `within` on it
  // is the count in view, so zooming in far enough turns the tiles into markers (with status and needs-review).
  const large = listTotal != null && listTotal > threshold;
  const tileMode = large && unsupported.length === 0 && can.listAllStations(role);
  const tileQuery = stationTileQuery(filterValues);
  const { data: stations = NO_STATIONS, total, isSuccess, isFetching } = useGetList<Station>(
    'stations',
    // Only what the markers show: 1000 full records would cost a large part of the user's rate budget.
    { filter: filterValues, sort, pagination: { page: 1, perPage: MAP_LIMIT }, meta: { selection: 'map' } },
    // Not while the list's total is unknown (it may call for tiles), unless the list failed.
    { enabled: !tileMode && (listTotal != null || listError != null) },
  );
  const withinOn = filterValues.within != null || displayedFilters.within === true;
  const fit = useMemo(
    (): Fit => (tileMode ? fitToTiles : (map, datum) => fitToStations(map, stations, 14, datum)),
    [tileMode, stations],
  );

  const toggleWithin = (on: boolean) => {
    if (on) {
      setFilters(filterValues, { ...displayedFilters, within: true }, false);
    } else {
      const { within: _w, ...rest } = filterValues;
      const { within: _d, ...displayed } = displayedFilters;
      setFilters(rest, displayed, false);
    }
  };

  const truncated = !tileMode && (total ?? listTotal ?? 0) > MAP_LIMIT;
  return (
    <Card
      sx={{ ml: 2, mt: 1, flex: '0 0 45%', minWidth: 360, alignSelf: 'flex-start', position: 'sticky', top: 64 }}
      data-testid="stations-map"
      data-map-mode={tileMode ? 'tiles' : 'markers'}
    >
      <Stack direction="row" alignItems="center" sx={{ px: 2, py: 0.5 }} spacing={1}>
        <FormControlLabel
          control={<Switch size="small" checked={withinOn} onChange={(e) => toggleWithin(e.target.checked)} />}
          label={<Typography variant="body2">{translate('yizhan.map.within_view')}</Typography>}
        />
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" data-testid="stations-map-caption">
          {tileMode ? translate('yizhan.map.tiles_shown', { count: listTotal }) : translate('yizhan.map.shown', { count: stations.length })}
        </Typography>
      </Stack>
      {truncated && (
        <Alert severity="info" sx={{ borderRadius: 0 }} data-testid="stations-map-notice">
          {large && unsupported.length > 0 && can.listAllStations(role)
            ? translate('yizhan.map.tiles_unavailable', { count: MAP_LIMIT })
            : role === 'OPERATOR'
              ? translate('yizhan.map.tiles_scope', { count: MAP_LIMIT })
              : translate('yizhan.map.truncated', { count: MAP_LIMIT })}
        </Alert>
      )}
      <MapView height="calc(100vh - 180px)" sx={{ minHeight: 360, borderRadius: 0 }}>
        {tileMode ? (
          <StationTilesLayer query={tileQuery} onSelect={(id) => redirect('show', 'stations', id)} />
        ) : (
          <StationsLayer stations={stations} onSelect={(id) => redirect('show', 'stations', id)} />
        )}
        <MapSync fit={fit} ready={tileMode || (isSuccess && !isFetching)} mode={tileMode ? 'tiles' : 'markers'} />
        <StationsLegend tiles={tileMode} />
        {!withinOn && <FitButton fit={fit} />}
      </MapView>
    </Card>
  );
};
