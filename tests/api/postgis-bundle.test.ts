import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import path from 'node:path';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { corePostgisBundle, isUnusedPostgisEntry } from '../../api/src/db/postgis-bundle';
import { startEmbeddedDatabase } from '../../api/src/db/embedded';
import pg from 'pg';
import { vincenty } from '../helpers/reference-geo';

/** Name → size of every file entry of a gzip tarball. */
async function entries(file: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    if (header.type === 'file') out.set(header.name, header.size ?? 0);
    stream.on('end', next);
    stream.resume();
  });
  await pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  return out;
}

// The embedded database's PostGIS without raster and topology (api/src/db/postgis-bundle.ts).
describe('core PostGIS bundle for the embedded database', () => {
  it('holds every entry of the package bundle but the unused libraries and extensions, byte for byte in size', async () => {
    const core = await corePostgisBundle();
    expect(core, 'node_modules/.cache/yizhan is writable here').not.toBeNull();
    const source = path.join(path.dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
    const [all, kept] = await Promise.all([entries(source), entries(fileURLToPath(core!))]);
    const expected = [...all].filter(([name]) => !isUnusedPostgisEntry(name));
    expect(new Map(expected)).toEqual(kept);
    // What the embedded database needs is there, what it never loads is not.
    expect(kept.has('lib/postgresql/postgis-3.so')).toBe(true);
    expect(kept.has('share/postgresql/extension/postgis.control')).toBe(true);
    expect(kept.has('share/proj/proj.db')).toBe(true);
    expect([...kept.keys()].filter((n) => /raster|topology|tiger/.test(n))).toEqual([]);
    expect([...all.keys()].filter((n) => n.endsWith('.so'))).toHaveLength(3);
    // A second call reuses the file.
    const again = await corePostgisBundle();
    expect(again!.href).toBe(core!.href);
  });

  it('gives an embedded database where PostGIS is created and works, and the unused extensions are absent', async () => {
    const db = await startEmbeddedDatabase('memory://');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('create extension postgis');
      const { rows } = await client.query(
        `select ST_Distance('SRID=4326;POINT(113.625 34.746)'::geography, 'SRID=4326;POINT(113.635 34.746)'::geography) as m,
                ST_X(p) as x, ST_Y(p) as y from ST_Transform('SRID=4326;POINT(113.625 34.746)'::geometry, 3857) as p`,
      );
      // The spheroid distance against an independent Vincenty; Web Mercator through PROJ (proj.db is in the bundle)
      // against its closed form.
      expect(Math.abs(Number(rows[0].m) - vincenty(113.625, 34.746, 113.635, 34.746))).toBeLessThan(0.01);
      const R = 6378137;
      expect(Math.abs(Number(rows[0].x) - (R * 113.625 * Math.PI) / 180)).toBeLessThan(0.01);
      expect(Math.abs(Number(rows[0].y) - R * Math.log(Math.tan(Math.PI / 4 + (34.746 * Math.PI) / 360)))).toBeLessThan(0.01);
      const available = await client.query(`select name from pg_available_extensions where name like 'postgis%' order by name`);
      expect(available.rows.map((r) => r.name)).toEqual(['postgis']);
    } finally {
      await client.end();
      await db.stop();
    }
  }, 300_000);
});
