#!/usr/bin/env node
// Reports what the station finder (/find) loads from admin/dist, gzip-compressed (zlib level 9, as a server or CDN
// would send it): what the page loads initially (find.html, its entry script and every chunk that script imports
// statically, its stylesheets) and, separately, the chunks it loads only on demand (the map, MapLibre and its
// worker). Usage: `node admin/scripts/finder-size.mjs [admin/dist] [--json]`. Exits 1 when the initial JavaScript
// reaches the 300 kB budget of issue 16.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 300 * 1000;

/** File names of the build's hashed assets mentioned in a chunk (`./x-AbCd1234.js`, `/assets/x-AbCd1234.mjs`, …). */
const chunkNames = (code) => new Set([...code.matchAll(/[\w.-]+-[\w-]{8}\.(?:js|mjs|css)\b/g)].map((m) => m[0]));

const gz = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The finder's files in `dist`, each with its gzip size, split into `initial` and `onDemand`. */
export function finderSizes(dist) {
  const html = fs.readFileSync(path.join(dist, 'find.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const initial = new Map();
  const dynamic = new Set();
  const visit = (rel) => {
    if (initial.has(rel)) return;
    const file = path.join(dist, rel);
    initial.set(rel, gz(file));
    if (!rel.endsWith('.js')) return;
    const code = fs.readFileSync(file, 'utf8');
    // Static imports of the bundle's chunks: `import … from "./x.js"` / `import "./x.js"`; dynamic: `import("./x.js")`
    // and the preload lists Vite writes next to them ("assets/x.js").
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
    for (const name of chunkNames(code)) dynamic.add(`assets/${name}`);
  };
  initial.set('find.html', gz(path.join(dist, 'find.html')));
  for (const rel of refs) visit(rel);
  const onDemand = new Map();
  const visitLazy = (rel) => {
    if (initial.has(rel) || onDemand.has(rel) || !fs.existsSync(path.join(dist, rel))) return;
    onDemand.set(rel, gz(path.join(dist, rel)));
    if (!rel.endsWith('.js')) return;
    const code = fs.readFileSync(path.join(dist, rel), 'utf8');
    for (const name of chunkNames(code)) visitLazy(`assets/${name}`);
  };
  for (const rel of dynamic) visitLazy(rel);
  const sum = (m, ext) => [...m].filter(([f]) => !ext || f.endsWith(ext)).reduce((a, [, n]) => a + n, 0);
  return {
    initial: Object.fromEntries(initial),
    onDemand: Object.fromEntries(onDemand),
    initialJs: sum(initial, '.js'),
    initialAll: sum(initial),
    onDemandJs: sum(onDemand, '.js') + sum(onDemand, '.mjs'),
    onDemandAll: sum(onDemand),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
  const r = finderSizes(dist);
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
    console.log('loaded initially (gzip):');
    for (const [f, n] of Object.entries(r.initial)) console.log(`  ${kb(n).padStart(10)}  ${f}`);
    console.log(`  ${kb(r.initialJs).padStart(10)}  JavaScript in all (budget ${kb(BUDGET_BYTES)}); ${kb(r.initialAll)} with HTML and CSS`);
    console.log('loaded when the map is opened (gzip):');
    for (const [f, n] of Object.entries(r.onDemand)) console.log(`  ${kb(n).padStart(10)}  ${f}`);
    console.log(`  ${kb(r.onDemandJs).padStart(10)}  JavaScript on demand; ${kb(r.onDemandAll)} with CSS`);
  }
  if (r.initialJs >= BUDGET_BYTES) process.exit(1);
}
