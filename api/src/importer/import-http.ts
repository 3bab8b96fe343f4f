import express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Security } from '../context';
import type { Logger } from '../common/log';
import { BadInputError, ConflictError } from '../common/errors';
import { CoordinateSystem } from '../common/geo';
import { Role } from '../auth/user.entity';
import { chargeExport, sendError, withRequestContext } from '../exports/http';
import { importStations, type ImportFormat, type ImportReport } from './station-import';

/** Largest file the page may upload (the CLI has no limit). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Content types a browser form or a cross-site request could send without a CORS preflight: refused (CSRF). */
const SIMPLE_TYPES = /^(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The import's options from the query string: `format`, `crs`, `name` (the file name), `dryRun`. */
export function importOptions(query: Record<string, unknown>): { format: ImportFormat; crs: CoordinateSystem; name: string; dryRun: boolean } {
  for (const key of Object.keys(query)) if (!['format', 'crs', 'name', 'dryRun'].includes(key)) throw new BadInputError(key, 'unknown parameter; the import takes format, crs, name and dryRun', 'UNKNOWN_PARAMETER', { name: key, allowed: ['format', 'crs', 'name', 'dryRun'] });
  const format = String(query.format ?? '').toLowerCase();
  if (!['json', 'csv', 'geojson'].includes(format)) throw new BadInputError('format', 'must be json, csv or geojson', 'ONE_OF', { value: format, allowed: ['json', 'csv', 'geojson'] });
  const crs = String(query.crs ?? '').toUpperCase().replace('-', '') as CoordinateSystem;
  if (!Object.values(CoordinateSystem).includes(crs)) throw new BadInputError('crs', "must be WGS84, GCJ02 or BD09: the datum of the file's coordinates", 'ONE_OF', { value: crs, allowed: Object.values(CoordinateSystem) });
  const name = typeof query.name === 'string' ? query.name.trim() : '';
  if (!name || name.length > 200 || /[\u0000-\u001f/\\]/.test(name)) throw new BadInputError('name', 'the file name: 1–200 characters, no slashes or control characters', 'FILE_NAME_FORMAT', { min: 1, max: 200 });
  if (query.dryRun !== undefined && query.dryRun !== 'true' && query.dryRun !== 'false') throw new BadInputError('dryRun', 'must be true or false', 'ONE_OF', { value: String(query.dryRun), allowed: ['true', 'false'] });
  return { format: format as ImportFormat, crs, name, dryRun: query.dryRun === 'true' };
}

/**
 * Mounts `POST /imports/stations?format=csv|json|geojson&crs=WGS84|GCJ02|BD09&name=<file name>&dryRun=true|false`
 * (ADMIN only, same credentials as /graphql): the body is the file (at most IMPORT_MAX_BYTES, UTF-8), imported
 * by the CLI's own `importStations` — the same conversions, rejections and upsert by source key (the file name
 * is the source name, as on the command line), so importing a file twice changes nothing. A dry run writes
 * nothing. The answer is the import report as JSON, or with `Accept: application/x-ndjson` one JSON line per
 * progress step (`{"done","total"}`) and a last line `{"report"}`. One import that writes runs at a time per
 * server (a second is 409 CONFLICT); a body of a form content type is refused (CSRF).
 */
export function mountImports(app: express.Express, deps: { em: EntityManager; config: Config; log: Logger; security: Security }): void {
  let running = false;
  const body = express.text({ type: () => true, limit: IMPORT_MAX_BYTES, defaultCharset: 'utf-8' });
  app.post('/imports/stations', (req, res, next) => {
    const type = req.headers['content-type'] ?? '';
    if (SIMPLE_TYPES.test(type)) return sendError(res, 415, 'BAD_REQUEST', 'Send the file with its own content type (text/csv, application/json, application/geo+json), not as a form', 'FILE_SENT_AS_FORM');
    body(req, res, (err?: unknown) => {
      if (err) {
        const e = err as { status?: number; type?: string };
        if (e.type === 'entity.too.large') return sendError(res, e.status ?? 413, 'BAD_REQUEST', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`, 'FILE_TOO_LARGE', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
        return sendError(res, e.status ?? 400, 'BAD_REQUEST', 'The body could not be read as UTF-8 text', 'BODY_NOT_UTF8');
      }
      next();
    });
  }, (req, res) =>
    withRequestContext(req, res, deps, 'import:stations', async (ctx) => {
      ctx.access.requireRole(Role.ADMIN);
      await chargeExport(ctx, deps, res);
      const opts = importOptions(req.query as Record<string, unknown>);
      const content = typeof req.body === 'string' ? req.body.replace(/^\uFEFF/, '') : '';
      if (!content.trim()) throw new BadInputError('body', 'the file is empty', 'FILE_EMPTY');
      if (!opts.dryRun && running) throw new ConflictError('Another import is being written; wait for it to finish', {}, 'IMPORT_RUNNING');
      const ndjson = /application\/x-ndjson/.test(req.headers.accept ?? '');
      if (!opts.dryRun) running = true;
      try {
        let last = 0;
        if (ndjson) res.status(200).type('application/x-ndjson; charset=utf-8').setHeader('cache-control', 'no-store');
        const report: ImportReport = await importStations(ctx.em, content, {
          format: opts.format,
          crs: opts.crs,
          dryRun: opts.dryRun,
          sourceName: opts.name,
          onProgress: (done, total) => {
            const now = Date.now();
            if (ndjson && (done === total || now - last > 200)) {
              last = now;
              res.write(`${JSON.stringify({ done, total })}\n`);
            }
          },
        });
        deps.log.info({ event: 'import.stations', file: opts.name, dryRun: opts.dryRun, read: report.read, created: report.created, updated: report.updated, rejected: report.rejected.length }, 'stations imported');
        if (ndjson) res.end(`${JSON.stringify({ report })}\n`);
        else res.json({ report });
      } finally {
        if (!opts.dryRun) running = false;
      }
    }),
  );
}
