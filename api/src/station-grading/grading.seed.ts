import type { EntityManager } from '@mikro-orm/postgresql';
import { REPORT } from '../campaigns/campaign.seed';
import { Station } from '../stations/station.entity';
import { StationKind } from '../stations/station.enums';
import { updateStation } from '../stations/station.service';

/**
 * Labels from the union reports (DESIGN.md "Real data"): 孟州市's stations are tagged both 货车司机之家 and
 * 快递小哥之家, so the seeded 孟州市司机之家 (kind DRIVERS_HOME, its one public kind) is labelled COURIER_HOME too,
 * through the one station update path, with the source noted in its provenance.
 * 宿城区's 2 national and 7 provincial 优秀站点 are not seeded: the reports' summary and the bundled data name
 * none of those stations, and a title belongs to a station.
 */
export async function seedStationLabels(em: EntityManager): Promise<Record<string, number>> {
  const home = await em.findOne(Station, { name: '孟州市司机之家' });
  if (!home) return { stations: 0 };
  const updated = await updateStation(em, home.id, home.version, { labels: [StationKind.DRIVERS_HOME, StationKind.COURIER_HOME] });
  updated.provenance = { ...updated.provenance, notes: [...updated.provenance.notes, `同时挂牌"货车司机之家"和"快递小哥之家"（来源：${REPORT}）`] };
  await em.flush();
  return { stations: 1 };
}
