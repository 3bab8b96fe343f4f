/** Half the Web Mercator world's width, metres (EPSG:3857 x of longitude 180°). */
const WORLD = 20037508.342789244;
/** Units across a tile in the encoded geometry (the Mapbox Vector Tile default). */
export const EXTENT = 4096;

/** Web Mercator bounds of tile z/x/y: its west edge, north edge and width (= height), metres. */
export interface TileBounds {
  xmin: number;
  ymax: number;
  size: number;
}

/** The bounds of tile z/x/y (XYZ scheme, y down from the north). */
export function tileBounds(z: number, x: number, y: number): TileBounds {
  const size = (2 * WORLD) / 2 ** z;
  return { xmin: -WORLD + x * size, ymax: WORLD - y * size, size };
}

/**
 * One layer of points as Mapbox Vector Tile bytes (@maplibre/vt-pbf), each point given in Web Mercator metres
 * (`mx`, `my`) with its properties as tags (null and undefined left out). Empty buffer for no points.
 */
export async function encodePointLayer(layer: string, tile: TileBounds, points: ({ mx: number; my: number } & Record<string, unknown>)[]): Promise<Buffer> {
  if (!points.length) return Buffer.alloc(0);
  const { xmin, ymax, size } = tile;
  const features = points.map(({ mx, my, ...props }) => ({
    type: 1 as const,
    geometry: [[Math.round(((Number(mx) - xmin) / size) * EXTENT), Math.round(((ymax - Number(my)) / size) * EXTENT)]],
    tags: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined)),
  }));
  const { fromGeojsonVt } = await import('@maplibre/vt-pbf');
  return Buffer.from(fromGeojsonVt({ [layer]: { features } } as never, { version: 2, extent: EXTENT }));
}
