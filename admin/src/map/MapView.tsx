import 'maplibre-gl/dist/maplibre-gl.css';
import { Box, Typography, type SxProps, type Theme } from '@mui/material';
import { LngLat, Map as MapLibreMap, NavigationControl, setWorkerUrl, type LngLatLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useMapStyle } from './useMapStyle';
import { MapDatumContext, toMapDatum } from './mapDatum';

/** CSS font families for Chinese labels, the CJK fonts of Linux, macOS and Windows first. */
const LOCAL_CJK_FONTS = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

// MapLibre 6 finds its worker beside its own module, which a bundle does not have: point it at the emitted asset.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The most recently loaded map, for browser tests and debugging. */
    __yizhanMap?: MapLibreMap;
  }
}

/** 郑州市 (WGS-84), where the seed data is. */
export const DEFAULT_CENTER: [number, number] = [113.63, 34.75];

const MapContext = createContext<MapLibreMap | null>(null);

/** The loaded map of the enclosing MapView, for layers, markers and controls rendered as its children. */
export const useMap = () => {
  const map = useContext(MapContext);
  if (!map) throw new Error('useMap must be used inside <MapView>');
  return map;
};

export interface MapViewProps {
  center?: LngLatLike;
  zoom?: number;
  height?: number | string;
  sx?: SxProps<Theme>;
  /** Rendered once the map and its style have loaded; they can call useMap(). */
  children?: ReactNode;
}

/**
 * A MapLibre map with the configured (by default offline) style. Center (WGS-84) and zoom are initial values.
 * Children get the map (useMap) and the datum its basemap is drawn in (useMapDatum).
 */
export const MapView = ({ center = DEFAULT_CENTER, zoom = 10, height = 400, sx, children }: MapViewProps) => {
  const { style, datum } = useMapStyle();
  const containerRef = useRef<HTMLDivElement>(null);
  const initialView = useRef({ center, zoom });
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);
  const translate = useTranslate();

  useEffect(() => {
    if (!style || !containerRef.current) return;
    let instance: MapLibreMap;
    try {
      const { center: wgs, zoom } = initialView.current;
      const c = LngLat.convert(wgs);
      instance = new MapLibreMap({
        container: containerRef.current,
        style,
        // The center is WGS-84, like every position the admin holds; the basemap may be drawn in another datum.
        center: toMapDatum({ lng: c.lng, lat: c.lat }, datum),
        zoom,
        // Chinese place names are drawn with the browser's own fonts: no glyph files, no outside request.
        localIdeographFontFamily: LOCAL_CJK_FONTS,
        attributionControl: { compact: true },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (error) {
      console.error('Map could not start', error);
      setFailed(true);
      return;
    }
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.touchZoomRotate.disableRotation();
    instance.on('load', () => {
      setMap(instance);
      window.__yizhanMap = instance;
    });
    return () => {
      setMap(null);
      if (window.__yizhanMap === instance) delete window.__yizhanMap;
      instance.remove();
    };
  }, [style, datum]);

  return (
    <Box sx={[{ position: 'relative', height, borderRadius: 1, overflow: 'hidden' }, ...(Array.isArray(sx) ? sx : [sx])]}>
      <Box ref={containerRef} sx={{ position: 'absolute', inset: 0 }} data-testid="map" />
      {failed && (
        <Typography sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }} color="text.secondary">
          {translate('yizhan.map.no_webgl')}
        </Typography>
      )}
      {map && (
        <MapDatumContext.Provider value={datum}>
          <MapContext.Provider value={map}>{children}</MapContext.Provider>
        </MapDatumContext.Provider>
      )}
    </Box>
  );
};
