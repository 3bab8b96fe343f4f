import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CoordinateSystem } from './common/geo';
import { importStationFile, type ImportReport, type ProvenanceProfile } from './importer/station-import';
import { Organization, OrganizationKind } from './organizations/organization.entity';
import { importRegions } from './regions/region.service';
import { seedScheduling } from './campaigns/campaign.seed';
import { seedStationLabels } from './station-grading/grading.seed';

/** Runs `fn` once per database: its name is kept in `seed_log`, so a second start (or a deleted station) never re-seeds. */
async function once(em: EntityManager, name: string, fn: () => Promise<unknown>): Promise<boolean> {
  const done = await em.execute('select 1 from seed_log where name = ?', [name]);
  if (done.length) return false;
  const report = await fn();
  await em.execute('insert into seed_log (name, report) values (?, ?::jsonb) on conflict (name) do nothing', [name, JSON.stringify(report ?? null)]);
  return true;
}

/**
 * First-start seed: the GB/T 2260 division table with boundaries (cn-adcode, CC BY 4.0), the Zhengzhou union
 * federation tree, the 82 real Zhengzhou stations through the same importer as `npm run import`, and the
 * 焦作 scheduling seed (修武县 三夏 campaign, teams, 孟州市 司机之家, 夏送清凉; see campaigns/campaign.seed.ts), and the
 * 孟州市司机之家 labelled 货车司机之家 and 快递小哥之家 too (station-grading/grading.seed.ts).
 */
export async function seedFirstStart(em: EntityManager, seedsDir: string, log: (msg: string) => void = console.log): Promise<void> {
  await once(em, 'regions:cn-adcode-2016', async () => {
    const r = await importRegions(em, path.join(seedsDir, 'cn-adcode/divisions_to_county_gcj02.csv'), path.join(seedsDir, 'cn-adcode/fences'));
    log(`seed: ${r.regions} administrative divisions, ${r.boundaries} boundaries`);
    return r;
  });
  await once(em, 'organizations:federation-tree', async () => {
    const fork = em.fork();
    const acftu = fork.create(Organization, { kind: OrganizationKind.FEDERATION, name: '中华全国总工会', regionCode: '100000' });
    const henan = fork.create(Organization, { kind: OrganizationKind.FEDERATION, name: '河南省总工会', regionCode: '410000', parent: acftu });
    fork.create(Organization, { kind: OrganizationKind.FEDERATION, name: '郑州市总工会', regionCode: '410100', parent: henan });
    await fork.flush();
    return { organizations: 3 };
  });
  await once(em, 'stations:zhengzhou-yilutongxing', async () => {
    const dir = path.join(seedsDir, 'zhengzhou-stations');
    const profile = JSON.parse(fs.readFileSync(path.join(dir, 'provenance.json'), 'utf8')) as ProvenanceProfile;
    const report: ImportReport = await importStationFile(em, path.join(dir, 'stations_full.json'), {
      format: 'json',
      crs: CoordinateSystem.GCJ02,
      sourceName: 'zhengzhou-stations',
      profile: { ...profile, operatorParent: '郑州市总工会' },
    });
    log(`seed: Zhengzhou stations read ${report.read}, created ${report.created}, updated ${report.updated}, rejected ${report.rejected.length}`);
    return report;
  });
  await once(em, 'scheduling:jiaozuo-2027', async () => {
    const r = await em.fork().transactional((tx) => seedScheduling(tx as EntityManager));
    log(`seed: 修武县 三夏 and 夏送清凉 campaigns, ${r.teams} teams, ${r.servicePoints} service points, ${r.shifts} shifts`);
    return r;
  });
  await once(em, 'stations:mengzhou-labels', async () => {
    const r = await em.fork().transactional((tx) => seedStationLabels(tx as EntityManager));
    log(`seed: 孟州市司机之家 labelled 货车司机之家 and 快递小哥之家 (${r.stations})`);
    return r;
  });
}
