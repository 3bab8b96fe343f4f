import { Box, FormControl, FormHelperText, FormLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Marker, type MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';
import { COORDINATE_SYSTEMS } from '../choices';
import type { CoordinateSystem } from '../enums';
import type { LngLat } from '../records';
import { convertPoint, formatDegrees, isValidLngLat } from './coordinates';
import { DEFAULT_CENTER, MapView, useMap } from './MapView';
import { fromMapDatum, toMapDatum, useMapDatum } from './mapDatum';

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

const validLocation: Validator = (value) =>
  value == null || isValidLngLat(value) ? undefined : 'yizhan.map.out_of_range';

const requiredLocation: Validator = (value) => (value == null ? 'ra.validation.required' : undefined);

/**
 * The draggable marker of the picker; a click on the map moves it too. `value` is WGS-84; the marker is drawn in
 * the basemap's datum and a click or a drag is converted back (appConfig.mapDatum).
 */
const PickerMarker = ({ value, onChange }: { value: LngLat | null; onChange: (point: LngLat) => void }) => {
  const map = useMap();
  const datum = useMapDatum();
  const markerRef = useRef<Marker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const datumRef = useRef(datum);
  datumRef.current = datum;

  useEffect(() => {
    const onClick = (e: MapMouseEvent) => onChangeRef.current(fromMapDatum({ lng: e.lngLat.lng, lat: e.lngLat.lat }, datumRef.current));
    map.on('click', onClick);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      markerRef.current?.remove();
      markerRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const drawn = toMapDatum(value, datum);
    if (!markerRef.current) {
      const marker = new Marker({ draggable: true, color: '#c62828' }).setLngLat(drawn).addTo(map);
      marker.on('dragend', () => {
        const { lng, lat } = marker.getLngLat();
        onChangeRef.current(fromMapDatum({ lng, lat }, datumRef.current));
      });
      markerRef.current = marker;
    } else {
      markerRef.current.setLngLat(drawn);
    }
    if (!map.getBounds().contains(drawn)) map.jumpTo({ center: drawn });
  }, [map, value?.lng, value?.lat, datum]);

  return null;
};

export interface LocationPickerProps {
  source?: string;
  label?: string;
  isRequired?: boolean;
}

/**
 * Sets a WGS-84 `{ lng, lat }` form value: click the map, drag the marker, or type coordinates
 * in the chosen datum (GCJ-02 from AMap/WeChat, BD-09 from Baidu), converted to WGS-84 with gcoord.
 */
export const LocationPicker = ({ source = 'location', label, isRequired = true }: LocationPickerProps) => {
  const translate = useTranslate();
  const { field, fieldState, isRequired: required } = useInput<LngLat | null>({
    source,
    validate: isRequired ? [requiredLocation, validLocation] : validLocation,
  });
  const value = isValidLngLat(field.value) ? field.value : null;
  const [datum, setDatum] = useState<CoordinateSystem>('WGS84');
  const [text, setText] = useState({ lng: '', lat: '' });
  const typing = useRef(false);

  // Show the value in the chosen datum, except right after the user typed it (keep their digits).
  useEffect(() => {
    if (typing.current) {
      typing.current = false;
      return;
    }
    const shown = value && convertPoint(value, 'WGS84', datum);
    setText(shown ? { lng: formatDegrees(shown.lng), lat: formatDegrees(shown.lat) } : { lng: '', lat: '' });
  }, [value?.lng, value?.lat, datum]);

  const setWgs84 = (point: LngLat) => {
    field.onChange({ lng: round7(point.lng), lat: round7(point.lat) });
    field.onBlur();
  };
  const onType = (axis: keyof LngLat) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const next = { ...text, [axis]: event.target.value };
    setText(next);
    const typed = { lng: Number.parseFloat(next.lng), lat: Number.parseFloat(next.lat) };
    if (isValidLngLat(typed)) {
      typing.current = true;
      setWgs84(convertPoint(typed, datum, 'WGS84'));
    }
  };

  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <FormControl fullWidth error={!!error} margin="dense" data-testid="location-picker">
      <FormLabel required={required} sx={{ mb: 1 }}>
        {translate(label ?? 'resources.stations.fields.location')}
      </FormLabel>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems="stretch">
        <Box sx={{ flex: 2, minWidth: 0 }}>
          <MapView center={value ?? DEFAULT_CENTER} zoom={value ? 13 : 10} height={320}>
            <PickerMarker value={value} onChange={setWgs84} />
          </MapView>
        </Box>
        <Stack spacing={2} sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('yizhan.map.picker_help')}
          </Typography>
          <TextField
            select
            size="small"
            label={translate('yizhan.map.datum')}
            value={datum}
            onChange={(e) => setDatum(e.target.value as CoordinateSystem)}
          >
            {COORDINATE_SYSTEMS.map((crs) => (
              <MenuItem key={crs} value={crs}>
                {translate(`enums.CoordinateSystem.${crs}`)}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={1}>
            <TextField
              size="small"
              label={translate('yizhan.map.lng')}
              value={text.lng}
              onChange={onType('lng')}
              inputProps={{ inputMode: 'decimal', 'aria-label': translate('yizhan.map.lng') }}
              error={!!error}
            />
            <TextField
              size="small"
              label={translate('yizhan.map.lat')}
              value={text.lat}
              onChange={onType('lat')}
              inputProps={{ inputMode: 'decimal', 'aria-label': translate('yizhan.map.lat') }}
              error={!!error}
            />
          </Stack>
          <ConvertedCoordinates value={value} />
        </Stack>
      </Stack>
      <FormHelperText>
        <InputHelperText error={error} helperText={value ? false : 'yizhan.map.no_location'} />
      </FormHelperText>
    </FormControl>
  );
};

/** The point in every datum; WGS-84 is what is saved. */
export const ConvertedCoordinates = ({ value }: { value: LngLat | null }) => {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Box component="table" sx={{ fontSize: 13, borderSpacing: '8px 2px', ml: '-8px', fontVariantNumeric: 'tabular-nums' }}>
      <tbody>
        {COORDINATE_SYSTEMS.map((crs) => {
          const p = convertPoint(value, 'WGS84', crs);
          return (
            <tr key={crs}>
              <Box component="th" sx={{ textAlign: 'left', fontWeight: crs === 'WGS84' ? 600 : 400, whiteSpace: 'nowrap' }}>
                {crs === 'WGS84' ? translate('yizhan.map.stored') : crs}
              </Box>
              <td>{formatDegrees(p.lng)}</td>
              <td>{formatDegrees(p.lat)}</td>
            </tr>
          );
        })}
      </tbody>
    </Box>
  );
};
