import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import type express from 'express';
import Negotiator from 'negotiator';

const MEDIA_TYPES = ['application/graphql-response+json', 'application/json', 'text/html'];

/**
 * Whether a request to `/graphql` is a browser opening the page: a GET whose Accept header prefers HTML to the
 * GraphQL response types (`Accept: text/html,…` from an address bar), and that is not a GraphQL-over-HTTP GET
 * query (`?query=`), which Apollo answers as before.
 */
export function prefersHtml(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept;
  if (!accept || !accept.includes('text/html')) return false;
  if (/[?&]query=/.test(req.url ?? '')) return false;
  return new Negotiator(req).mediaType(MEDIA_TYPES) === 'text/html';
}

/**
 * The developer pages built with the admin (`admin/explorer.html`, `admin/developers.html`): GraphiQL for browser
 * GETs of `/graphql`, the guide at `/developers`. Both are plain files of the admin build, served under the same
 * CSP as the admin; without a build they answer 404 with the command that makes one.
 */
export function mountDeveloperPages(app: express.Express, adminDir: string): void {
  const page = (file: string) => (_req: express.Request, res: express.Response) => {
    const full = path.join(adminDir, file);
    if (!fs.existsSync(full)) {
      res.status(404).type('text').send('The developer pages are not built: run `npm run build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(full);
  };
  app.get('/graphql', page('explorer.html'));
  app.get(['/developers', '/developers/'], page('developers.html'));
}
