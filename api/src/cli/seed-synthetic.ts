import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config';
import { bulkUpsertStations } from '../importer/bulk';
import { readTowns, synthesizeStations } from '../importer/synthetic';
import { runCli, withCliDatabase } from './cli-database';

const USAGE = `usage: npm run seed:synthetic -- [--count 200000] [--seed 1] [--towns seeds/cn-adcode/towns_gcj02.csv] [--batch 5000]

Loads deterministic synthetic stations at real town centres into DATABASE_URL (or the embedded database in
DATA_DIR), idempotently: a second run with the same seed changes nothing.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '200000' }, seed: { type: 'string', default: '1' }, towns: { type: 'string' }, batch: { type: 'string', default: '5000' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) throw new Error('--count must be an integer from 1 to 5000000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const config = loadConfig();
  const towns = readTowns(values.towns ?? path.join(config.SEEDS_DIR, 'cn-adcode/towns_gcj02.csv'));
  const t0 = Date.now();
  const rows = synthesizeStations(towns, count, seed);
  console.log(`generated ${rows.length} stations at ${towns.length} towns in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return withCliDatabase(config, `seed-synthetic ${seed}`, async (orm) => {
    const bar = new SingleBar({ format: 'loading [{bar}] {value}/{total} stations', hideCursor: true }, Presets.shades_classic);
    bar.start(rows.length, 0);
    const report = await bulkUpsertStations(orm.em.fork() as never, rows, { batchSize: Number(values.batch), sourceName: `synthetic:${seed}`, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(`loaded in ${report.seconds.toFixed(1)} s: created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`);
    for (const r of report.rejected.slice(0, 20)) console.log(`  rejected #${r.index} (${r.sourceKey}): ${r.reason}`);
    return report.rejected.length ? 1 : 0;
  });
}

runCli('seed:synthetic', main);
