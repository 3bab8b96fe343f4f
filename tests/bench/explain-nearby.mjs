#!/usr/bin/env node
// EXPLAIN (ANALYZE, BUFFERS) of the benchmark's nearbyStations first page (the SQL the API prepares, from api/dist)
// at one search point, after two warm-up runs, with the station count. Not part of `npm test`.
//
//   node tests/bench/explain-nearby.mjs postgres://…/db 113.6253 34.7466
import pg from 'pg';
const { nearbyFirstPageSql } = await import(new URL('../../api/dist/stations/nearby.js', import.meta.url));
const { positional } = await import(new URL('../../api/dist/db/prepared.js', import.meta.url));
const [url, lng, lat] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const { text, params } = nearbyFirstPageSql({ near: { lng, lat }, radiusMeters: 5000, amenities: ['DRINKING_WATER', 'PHONE_CHARGING'], first: 20 }, ['id', 'name', 'amenities', 'location']);
const c = new pg.Client({ connectionString: url });
await c.connect();
await c.query('analyze station');
for (let i = 0; i < 2; i++) await c.query(positional(text), params); // warm the cache
const r = await c.query('explain (analyze, buffers) ' + positional(text), params);
console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
const n = await c.query('select count(*)::int n from station');
console.log('stations:', n.rows[0].n);
await c.end();
