import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';

/**
 * The PostGIS bundle of `@electric-sql/pglite-postgis` holds three WebAssembly libraries, `postgis-3.so`,
 * `postgis_raster-3.so` and `postgis_topology-3.so` (48 MB together), with the SQL of four extensions. PGlite
 * compiles every `.so` of a bundle each time it opens a database, whether or not any extension of it is created,
 * and Yizhan uses only `postgis` (raster, topology and the tiger geocoder are never created; see the migrations).
 * Compiling the two unused libraries was about 1.5 s of CPU of every embedded start (and of every PGlite test
 * database), measured with `npm run bench:startup`.
 *
 * So the embedded database is given a copy of the bundle without them: the same tar entries, minus the two
 * libraries, their extensions' SQL and control files and `share/postgresql/contrib` (the manual-install scripts,
 * which `CREATE EXTENSION` never reads). It is made once per version of the package, in
 * `node_modules/.cache/yizhan/`, written to a temporary name and renamed so that parallel starts never read half a
 * file. Where that folder cannot be written, the package's own bundle is used.
 */
export async function corePostgisBundle(): Promise<URL | null> {
  const require = createRequire(__filename);
  let pkgDir: string;
  try {
    // The package's exports do not include package.json: its main entry is dist/index.cjs.
    pkgDir = path.dirname(path.dirname(require.resolve('@electric-sql/pglite-postgis')));
  } catch {
    return null;
  }
  const source = path.join(pkgDir, 'dist/postgis.tar.gz');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const { size } = fs.statSync(source);
  // node_modules/@electric-sql/pglite-postgis → node_modules/.cache/yizhan
  const cacheDir = path.join(path.dirname(path.dirname(pkgDir)), '.cache', 'yizhan');
  const target = path.join(cacheDir, `postgis-core-${version}-${size}.tar.gz`);
  if (fs.existsSync(target)) return new URL(`file://${target}`);
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    await writeCoreBundle(source, partial);
    fs.renameSync(partial, target);
    return new URL(`file://${target}`);
  } catch {
    return null;
  }
}

/** Tar entries of the PostGIS bundle that Yizhan's embedded database never uses (see `corePostgisBundle`). */
export function isUnusedPostgisEntry(name: string): boolean {
  return (
    /^lib\/postgresql\/postgis_(raster|topology)-\d+\.so$/.test(name) ||
    /^share\/postgresql\/extension\/postgis_(raster|topology|tiger_geocoder|sfcgal)[-.]/.test(name) ||
    name.startsWith('share/postgresql/contrib/')
  );
}

/** Copies the gzip tarball `source` to `target` without the entries `isUnusedPostgisEntry` names. */
async function writeCoreBundle(source: string, target: string): Promise<void> {
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, stream, next) => {
    if (isUnusedPostgisEntry(header.name)) {
      stream.on('end', next);
      stream.resume();
      return;
    }
    stream.pipe(pack.entry(header, next));
  });
  extract.on('finish', () => pack.finalize());
  await Promise.all([
    pipeline(fs.createReadStream(source), zlib.createGunzip(), extract),
    // Level 1: the copy is read back once per start, and decompressing is as fast at any level.
    pipeline(pack, zlib.createGzip({ level: 1 }), fs.createWriteStream(target)),
  ]);
}
