import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';

/**
 * The public pages built with the admin but loading none of its code: the station finder 驿站地图 at `/find`
 * (`admin/find.html`, `admin/src/finder/`), for outdoor workers, without a login. It asks only the public API and
 * tiles, as an anonymous caller. Without a build it answers 404 with the command that makes one.
 */
export function mountPublicPages(app: express.Express, adminDir: string): void {
  app.get(['/find', '/find/'], (_req, res) => {
    const full = path.join(adminDir, 'find.html');
    if (!fs.existsSync(full)) {
      res.status(404).type('text').send('The finder page is not built: run `npm run build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(full);
  });
}

const NOT_FOUND_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>页面不存在 · 驿站</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#222;max-width:36rem}a{display:inline-block;margin:.5rem 1rem .5rem 0;padding:.75rem 1rem;border-radius:.5rem;background:#c62828;color:#fff;text-decoration:none}a.alt{background:#eee;color:#222}</style>
</head><body><h1>页面不存在</h1><p>没有这个地址。找附近的驿站请打开驿站地图。<br><span lang="en">There is no page at this address.</span></p>
<a href="/find">驿站地图 · Station finder</a><a class="alt" href="/">管理后台 · Admin</a></body></html>`;

/**
 * Every path no route answered: 404, as a small HTML page for browsers (links to the finder and the admin) and
 * JSON `{error: {code: NOT_FOUND}}` otherwise. Unknown paths never get the admin's page (it would show its login
 * as if the address existed).
 */
export function notFoundPage(req: express.Request, res: express.Response): void {
  res.status(404);
  if (req.accepts(['html', 'json']) === 'html') res.type('html').send(NOT_FOUND_HTML);
  else res.json({ error: { code: 'NOT_FOUND', message: `No resource at ${req.path}` } });
}
