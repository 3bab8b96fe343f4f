import type { StyleSpecification } from 'maplibre-gl';

export const MAP_COLORS = {
  water: '#d6e4ee',
  land: '#f7f5ef',
  coast: '#aebdc8',
  division: '#8d99a6',
  city: '#6b7785',
};

/**
 * A basemap that needs no outside network: background, land and administrative outlines from GeoJSON bundled with
 * the admin, and place names (provinces, cities, counties, towns) as vector tiles from this server
 * (`/tiles/places/{z}/{x}/{y}.pbf`, from the division and town tables Yizhan ships). The style has no `glyphs`
 * URL: MapLibre draws the labels with the browser's fonts (MapView's localIdeographFontFamily), so no glyph or
 * sprite file is requested.
 */
export async function buildOfflineStyle(): Promise<StyleSpecification> {
  const { land, divisions } = await import('./basemapData');
  return {
    version: 8,
    name: 'yizhan-offline',
    sources: {
      land: { type: 'geojson', data: land, attribution: 'Natural Earth' },
      places: {
        type: 'vector',
        // Absolute: MapLibre fetches tiles from its worker.
        tiles: [`${window.location.origin}/tiles/places/{z}/{x}/{y}.pbf`],
        minzoom: 3,
        maxzoom: 14,
        attribution: '地名 © 高德 / Vonng adcode (CC BY 4.0)',
      },
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
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        'source-layer': 'places',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': ['sans-serif'],
          'text-size': ['match', ['get', 'level'], 'province', 15, 'city', 14, 'county', 12, 11],
          'symbol-sort-key': ['match', ['get', 'level'], 'province', 0, 'city', 1, 'county', 2, 3],
          'text-max-width': 8,
        },
        paint: {
          'text-color': ['match', ['get', 'level'], 'town', MAP_COLORS.city, '#3d4753'],
          'text-halo-color': MAP_COLORS.land,
          'text-halo-width': 1.4,
        },
      },
    ],
  };
}
