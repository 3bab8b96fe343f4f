#!/usr/bin/env node
// The HTTP floor of the benchmark (`npm run bench`): what node:http, JSON and pg alone cost on this machine for
// the benchmark's question, with nothing of a GraphQL server around them. Not the product: no GraphQL parsing,
// validation or execution, no authentication, rate limits, security headers, request ids or logs. It answers
// any POST whose body is `{ "variables": { "lng", "lat" } }` with the same JSON the API gives for the
// benchmark's query (tests/bench/processes.mjs NEARBY_QUERY), from the API's own statement text for that
// selection (processes.mjs nearbyStatement) run as a named prepared statement through a pg.Pool of DB_POOL_MAX
// connections, like the SQL floor. Listens on HOST:PORT, prints "HTTP floor ready".
//
// The benchmark reports it beside the API and the SQL floor: the distance from the SQL floor to this one is
// the cost of HTTP and JSON in Node on this machine (load generator, database and server share its cores),
// which every Node GraphQL server pays before any GraphQL work (README, "Performance").
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { nearbyStatement, root } from './processes.mjs';

const { codesFromPgArray } = await import(path.join(root, 'api/dist/common/pagination.js'));
const statementAt = await nearbyStatement('http_floor_nearby');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 20), idleTimeoutMillis: 1000 });

async function answer(variables) {
  const { text, params, name } = statementAt(variables);
  const { rows } = await pool.query({ name, text, values: params });
  const edges = rows.slice(0, 20).map((r) => ({
    distanceMeters: r.distance,
    node: { id: r.id, name: r.name, amenities: codesFromPgArray(r.amenities), location: { lng: r.lng, lat: r.lat } },
  }));
  return { data: { nearbyStations: { edges } } };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      // Apollo ends its JSON with a newline; so does this, for byte-identical answers.
      const body = Buffer.from(`${JSON.stringify(await answer(JSON.parse(Buffer.concat(chunks).toString('utf8')).variables))}\n`, 'utf8');
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e?.message ?? e));
    }
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => console.log('HTTP floor ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
