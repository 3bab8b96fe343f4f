import type { StyleSpecification } from 'maplibre-gl';

export const MAP_COLORS = {
  water: '#d6e4ee',
  land: '#f7f5ef',
  coast: '#aebdc8',
  division: '#8d99a6',
  city: '#6b7785',
};

/**
 * A basemap that needs no network: background, land and administrative outlines from GeoJSON
 * bundled with the admin. Only fill and line layers, so no glyphs or sprites are requested.
 */
export async function buildOfflineStyle(): Promise<StyleSpecification> {
  const { land, divisions } = await import('./basemapData');
  return {
    version: 8,
    name: 'yizhan-offline',
    sources: {
      land: { type: 'geojson', data: land, attribution: 'Natural Earth' },
      divisions: {
        type: 'geojson',
        data: divisions,
        attribution: '行政区划 © 高德 / Vonng adcode (CC BY 4.0)',
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': MAP_COLORS.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': MAP_COLORS.land } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': MAP_COLORS.coast, 'line-width': 0.6 } },
      {
        id: 'county-boundaries',
        type: 'line',
        source: 'divisions',
        filter: ['==', ['get', 'level'], 'county'],
        paint: { 'line-color': MAP_COLORS.division, 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'city-boundaries',
        type: 'line',
        source: 'divisions',
        filter: ['==', ['get', 'level'], 'city'],
        paint: { 'line-color': MAP_COLORS.city, 'line-width': 1.6 },
      },
    ],
  };
}
