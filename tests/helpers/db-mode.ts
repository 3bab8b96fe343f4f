import pg from 'pg';

/**
 * Where the tests find PostgreSQL + PostGIS (DESIGN.md): TEST_DATABASE_URL or DATABASE_URL if set, else the local
 * server on 127.0.0.1:5432 if it answers and offers PostGIS, else the embedded PGlite + PostGIS.
 * YIZHAN_TEST_DB=pglite forces the embedded one.
 */
export async function detectServerUrl(): Promise<string | null> {
  if (process.env.YIZHAN_TEST_DB === 'pglite') return null;
  const explicit = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const candidate = explicit || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const r = await client.query(`select 1 from pg_available_extensions where name = 'postgis'`);
    if (r.rowCount === 0) {
      if (explicit) throw new Error(`${candidate} has no PostGIS`);
      return null;
    }
    return candidate;
  } catch (e) {
    if (explicit) throw e;
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of database `name` on the same server as `url`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
