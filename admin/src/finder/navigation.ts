import type { LngLat } from './queries';

/** What a navigation link needs of a station: its name and address and the API's `location(crs:)` answers. */
export interface NavigationTarget {
  name: string;
  address: string | null;
  /** `location(crs: GCJ02)`: AMap and Tencent Maps draw in GCJ-02. */
  gcj02: LngLat;
  /** `location(crs: BD09)`: Baidu Maps draws in BD-09. */
  bd09: LngLat;
}

export interface NavigationLink {
  app: 'amap' | 'baidu' | 'tencent';
  href: string;
}

/** Identifies this page to the map apps (their `src` / `referer` parameter). */
const SOURCE = 'yizhan-finder';
/** Six decimals of a degree are about 0.1 m. */
const deg = (v: number) => v.toFixed(6);
/** Tencent's marker value uses `;` and `:` as separators: keep them out of names and addresses. */
const plain = (text: string) => text.replace(/[;:；：]/g, ' ').trim();

/**
 * The station in each app's documented web URI, which opens the app when installed (else its mobile web map):
 * - AMap 高德 `https://uri.amap.com/marker?position=<lng>,<lat>&name=…&coordinate=gaode` (GCJ-02, longitude first);
 * - Baidu 百度 `https://api.map.baidu.com/marker?location=<lat>,<lng>&coord_type=bd09ll&title=…&content=…&output=html`
 *   (BD-09, latitude first);
 * - Tencent 腾讯 `https://apis.map.qq.com/uri/v1/marker?marker=coord:<lat>,<lng>;title:…;addr:…&referer=…`
 *   (GCJ-02, latitude first).
 */
export function navigationLinks(target: NavigationTarget): NavigationLink[] {
  const { gcj02, bd09 } = target;
  const name = target.name;
  const address = target.address ?? '';
  const amap = new URLSearchParams({ position: `${deg(gcj02.lng)},${deg(gcj02.lat)}`, name, src: SOURCE, coordinate: 'gaode', callnative: '1' });
  const baidu = new URLSearchParams({
    location: `${deg(bd09.lat)},${deg(bd09.lng)}`,
    coord_type: 'bd09ll',
    title: name,
    content: address || name,
    output: 'html',
    src: `webapp.${SOURCE}`,
  });
  const marker = `coord:${deg(gcj02.lat)},${deg(gcj02.lng)};title:${plain(name)};addr:${plain(address || name)}`;
  const tencent = new URLSearchParams({ marker, referer: SOURCE });
  return [
    { app: 'amap', href: `https://uri.amap.com/marker?${amap}` },
    { app: 'baidu', href: `https://api.map.baidu.com/marker?${baidu}` },
    { app: 'tencent', href: `https://apis.map.qq.com/uri/v1/marker?${tencent}` },
  ];
}

/** The coordinates a link carries, in its app's datum and order, read back (tests use this to check each link). */
export function linkPosition(href: string): LngLat {
  const url = new URL(href);
  if (url.hostname === 'uri.amap.com') {
    const [lng, lat] = (url.searchParams.get('position') ?? '').split(',').map(Number);
    return { lng, lat };
  }
  if (url.hostname === 'api.map.baidu.com') {
    const [lat, lng] = (url.searchParams.get('location') ?? '').split(',').map(Number);
    return { lng, lat };
  }
  const coord = /coord:([-\d.]+),([-\d.]+)/.exec(url.searchParams.get('marker') ?? '');
  return { lng: Number(coord?.[2]), lat: Number(coord?.[1]) };
}
