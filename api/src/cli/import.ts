import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config';
import { runCli, withCliDatabase } from './cli-database';
import { CoordinateSystem } from '../common/geo';
import { importStationFile, type ImportFormat, type ProvenanceProfile } from '../importer/station-import';

const USAGE = `Usage: npm run import -- <file> --format json|csv|geojson --crs gcj02|wgs84|bd09 [--dry-run] [--provenance profile.json]

Imports stations into the database of DATABASE_URL (or the embedded one in DATA_DIR). Rows are upserted by a
stable source key, so running it twice changes nothing. Prints a report; exits 1 if any row was rejected.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      crs: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      provenance: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const file = positionals[0];
  const format = (values.format ?? path.extname(file).slice(1)).toLowerCase() as ImportFormat;
  if (!['json', 'csv', 'geojson'].includes(format)) throw new Error(`--format must be json, csv or geojson (got ${format})`);
  const crs = (values.crs ?? '').toUpperCase().replace('-', '') as CoordinateSystem;
  if (!Object.values(CoordinateSystem).includes(crs)) throw new Error('--crs must be gcj02, wgs84 or bd09: the datum of the file\'s coordinates');
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const profile = values.provenance ? (JSON.parse(fs.readFileSync(values.provenance, 'utf8')) as ProvenanceProfile) : undefined;

  const config = loadConfig();
  return withCliDatabase(config, `import ${path.basename(file)}`, async (orm) => {
    const bar = new SingleBar({ format: 'importing [{bar}] {value}/{total} rows', hideCursor: true }, Presets.shades_classic);
    let started = false;
    const report = await importStationFile(orm.em.fork() as never, file, {
      format,
      crs,
      dryRun: values['dry-run'],
      sourceName: path.basename(file),
      profile,
      onProgress: (done, total) => {
        if (total < 200) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    if (started) bar.stop();
    console.log(`${report.dryRun ? 'DRY RUN (nothing written): ' : ''}read ${report.read}, created ${report.created}, updated ${report.updated}, skipped ${report.skipped} (unchanged), rejected ${report.rejected.length}`);
    for (const w of report.warnings) console.log(`  warning  line ${w.line}${w.name ? ` (${w.name})` : ''}: ${w.message}`);
    for (const r of report.rejected) console.log(`  rejected line ${r.line}${r.name ? ` (${r.name})` : ''}: ${r.reason}`);
    return report.rejected.length ? 1 : 0;
  });
}

runCli('import', main);
