import { createContext, useContext } from 'react';
import type { CoordinateSystem } from '../enums';
import type { LngLat } from '../records';
import { convertPoint } from './coordinates';

/**
 * The datum the basemap is drawn in (`appConfig.mapDatum`: MAP_STYLE_DATUM with an online style, else WGS84).
 * Positions are stored and sent in WGS-84; a map draws them converted to this datum and converts what the user
 * points at back. AMap and Tencent basemaps are drawn in GCJ-02, Baidu's in BD-09, so without this every marker
 * would land 300–700 m off.
 */
export const MapDatumContext = createContext<CoordinateSystem>('WGS84');

/** The datum of the enclosing <MapView>'s basemap. */
export const useMapDatum = () => useContext(MapDatumContext);

/** A WGS-84 position as drawn on a basemap in `datum`. */
export const toMapDatum = (point: LngLat, datum: CoordinateSystem): LngLat => convertPoint(point, 'WGS84', datum);

/** A position on a basemap in `datum` (a click, a dragged marker) as WGS-84. */
export const fromMapDatum = (point: LngLat, datum: CoordinateSystem): LngLat => convertPoint(point, datum, 'WGS84');
