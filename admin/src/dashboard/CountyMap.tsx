import { Marker, LngLatBounds } from 'maplibre-gl';
import { useEffect } from 'react';
import { useMap } from '../map/MapView';
import type { DashboardData } from './queries';

/** At most this many counties get a marker (the busiest first); the dashboard's list has them all. */
const MAX_MARKERS = 150;

/**
 * Counts of stations per county as numbered HTML markers at the county centres (the offline style has no
 * glyphs, so no symbol layer), sized by count; the map fits them.
 */
export const CountyMarkers = ({ counties }: { counties: DashboardData['countyCounts'] }) => {
  const map = useMap();
  useEffect(() => {
    const shown = counties.filter((c) => c.lng != null && c.lat != null).slice(0, MAX_MARKERS);
    const max = Math.max(1, ...shown.map((c) => c.count));
    const markers = shown.map((c) => {
      const el = document.createElement('div');
      const size = Math.round(22 + 26 * Math.sqrt(c.count / max));
      el.className = 'yizhan-county-marker';
      el.dataset.region = c.regionCode ?? '';
      el.title = `${c.name ?? c.regionCode}: ${c.count}`;
      el.textContent = String(c.count);
      Object.assign(el.style, {
        width: `${size}px`,
        height: `${size}px`,
        borderRadius: '50%',
        background: 'rgba(57, 73, 171, 0.82)',
        color: '#fff',
        font: '600 12px/1 system-ui, sans-serif',
        display: 'grid',
        placeItems: 'center',
        border: '2px solid #fff',
        boxShadow: '0 1px 3px rgba(0,0,0,.3)',
      });
      return new Marker({ element: el }).setLngLat([c.lng!, c.lat!]).addTo(map);
    });
    if (shown.length) {
      const bounds = new LngLatBounds();
      for (const c of shown) bounds.extend([c.lng!, c.lat!]);
      map.fitBounds(bounds, { padding: 40, maxZoom: 9, duration: 0 });
    }
    return () => markers.forEach((m) => m.remove());
  }, [map, counties]);
  return null;
};
