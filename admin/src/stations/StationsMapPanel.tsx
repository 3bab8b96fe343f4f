import CenterFocusStrong from '@mui/icons-material/CenterFocusStrong';
import { Alert, Box, Card, FormControlLabel, IconButton, Stack, Switch, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useGetList, useListContext, useRedirect, useTranslate } from 'react-admin';
import { MapView, useMap } from '../map/MapView';
import { fitToStations, StationsLayer, StationsLegend } from '../map/StationsLayer';
import type { Station } from '../types';

/** The most markers the map asks for (the API's page limit); a vector-tile layer replaces this later. */
export const MAP_LIMIT = 1000;

type Bounds = { west: number; south: number; east: number; north: number };

// 1e-5 degree is about a metre: enough for a filter, and it keeps the URL short.
const round = (n: number) => Math.round(n * 1e5) / 1e5;

const boundsOf = (map: ReturnType<typeof useMap>): Bounds => {
  const b = map.getBounds();
  return { west: round(b.getWest()), south: round(b.getSouth()), east: round(b.getEast()), north: round(b.getNorth()) };
};

/** Keeps the `within` filter equal to the map view while it is on, and fits the view to new results while it is off. */
/** `ready`: `stations` are the result of the current filters (not the previous ones kept while fetching). */
const MapSync = ({ stations, ready }: { stations: Station[]; ready: boolean }) => {
  const map = useMap();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const withinOn = filterValues.within != null || displayedFilters.within === true;
  const latest = useRef({ filterValues, displayedFilters, setFilters });
  latest.current = { filterValues, displayedFilters, setFilters };

  useEffect(() => {
    if (!withinOn) return;
    const update = () => {
      const { filterValues, displayedFilters, setFilters } = latest.current;
      setFilters({ ...filterValues, within: boundsOf(map) }, { ...displayedFilters, within: true }, false);
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [map, withinOn]);

  // Refit when the filters (other than the view itself) change.
  const { within: _within, ...otherFilters } = filterValues;
  const fitKey = JSON.stringify(otherFilters);
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || withinOn || fittedFor.current === fitKey) return;
    fittedFor.current = fitKey;
    fitToStations(map, stations);
  }, [map, ready, withinOn, fitKey, stations]);

  return null;
};

const NO_STATIONS: Station[] = [];

const FitButton = ({ stations }: { stations: Station[] }) => {
  const map = useMap();
  const translate = useTranslate();
  return (
    <Tooltip title={translate('yizhan.map.fit')}>
      <IconButton
        size="small"
        onClick={() => fitToStations(map, stations)}
        sx={{ position: 'absolute', top: 8, left: 8, bgcolor: 'background.paper', boxShadow: 1, '&:hover': { bgcolor: 'background.paper' } }}
      >
        <CenterFocusStrong fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};

/**
 * The list's filtered stations on a map (up to MAP_LIMIT), beside the datagrid. A switch limits
 * the list to the current map view (`within` filter). Clicking a marker opens the station.
 */
export const StationsMapPanel = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { filterValues, displayedFilters, setFilters, sort } = useListContext();
  const { data: stations = NO_STATIONS, total, isSuccess, isFetching } = useGetList<Station>('stations', {
    filter: filterValues,
    sort,
    pagination: { page: 1, perPage: MAP_LIMIT },
  });
  const withinOn = filterValues.within != null || displayedFilters.within === true;

  const toggleWithin = (on: boolean) => {
    if (on) {
      setFilters(filterValues, { ...displayedFilters, within: true }, false);
    } else {
      const { within: _w, ...rest } = filterValues;
      const { within: _d, ...displayed } = displayedFilters;
      setFilters(rest, displayed, false);
    }
  };

  return (
    <Card sx={{ ml: 2, mt: 1, flex: '0 0 45%', minWidth: 360, alignSelf: 'flex-start', position: 'sticky', top: 64 }} data-testid="stations-map">
      <Stack direction="row" alignItems="center" sx={{ px: 2, py: 0.5 }} spacing={1}>
        <FormControlLabel
          control={<Switch size="small" checked={withinOn} onChange={(e) => toggleWithin(e.target.checked)} />}
          label={<Typography variant="body2">{translate('yizhan.map.within_view')}</Typography>}
        />
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary">
          {translate('yizhan.map.shown', { count: stations.length })}
        </Typography>
      </Stack>
      {total != null && total > MAP_LIMIT && (
        <Alert severity="info" sx={{ borderRadius: 0 }}>
          {translate('yizhan.map.truncated', { count: MAP_LIMIT })}
        </Alert>
      )}
      <MapView height="calc(100vh - 180px)" sx={{ minHeight: 360, borderRadius: 0 }}>
        <StationsLayer stations={stations} onSelect={(id) => redirect('show', 'stations', id)} />
        <MapSync stations={stations} ready={isSuccess && !isFetching} />
        <StationsLegend />
        {!withinOn && <FitButton stations={stations} />}
      </MapView>
    </Card>
  );
};
