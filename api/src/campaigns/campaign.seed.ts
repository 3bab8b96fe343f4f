import { Organization, OrganizationKind } from '../organizations/organization.entity';
import { Station } from '../stations/station.entity';
import { Amenity, StationKind } from '../stations/station.enums';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createStation } from '../stations/station.service';
import { Access } from '../auth/access';
import { CoordinateSystem } from '../common/geo';
import { planShifts } from '../shifts/shift.service';
import { SupplyItem } from '../supplies/supply.entity';
import { VolunteerTeamKind } from '../volunteer-teams/volunteer-team.entity';
import { saveTeam } from '../volunteer-teams/volunteer-team.service';
import { VolunteerSkill } from '../volunteers/volunteer.entity';
import { saveVolunteer } from '../volunteers/volunteer.service';
import { CampaignKind, CampaignStatus } from './campaign.entity';
import { addServicePoint, saveCampaign } from './campaign.service';

export const REPORT = '工会工作报道（见 DESIGN.md "Real data"）';

/**
 * Scheduling seed from the union reports described in DESIGN.md ("Real data"), for the next harvest season
 * (2027): 焦作市总工会 with 修武县 and 孟州市 unions; the 修武县 三夏 campaign "您为'三夏'忙 我为您护航" with its three
 * day-and-night service points (the city and south highway exits and 惠丰宾馆; placed near 修武县's centre and
 * its exits — approximate, marked so in provenance), three model-worker teams, day (08:00–20:00, 4) and night
 * (20:00–08:00, 2) shifts from June 2 for two weeks, and the supplies (water, instant noodles, heatstroke
 * medicine, mung-bean soup); the 斑马, 蓝天 and 雷锋 rescue teams; 孟州市's 司机之家 with its amenities; and a
 * 夏送清凉 campaign. Team members are placeholders (no real names or phones are published in the reports).
 */
export async function seedScheduling(em: EntityManager): Promise<Record<string, number>> {
  // The seed runs as the system: every record is in scope.
  const SYSTEM_SCOPE = Access.system(em);
  const henan = await em.findOneOrFail(Organization, { name: '河南省总工会' });
  const jiaozuo = em.create(Organization, { kind: OrganizationKind.FEDERATION, name: '焦作市总工会', regionCode: '410800', parent: henan });
  const xiuwu = em.create(Organization, { kind: OrganizationKind.FEDERATION, name: '修武县总工会', regionCode: '410821', parent: jiaozuo });
  const mengzhou = em.create(Organization, { kind: OrganizationKind.FEDERATION, name: '孟州市总工会', regionCode: '410883', parent: jiaozuo });
  await em.flush();

  const approximate = (note: string) => ({
    source: 'union-report',
    sourceDatum: CoordinateSystem.GCJ02,
    verifiedFields: ['name'],
    inferredFields: ['location', 'openingHours'],
    notes: [note, `来源：${REPORT}`],
    needsReview: true,
  });

  // 孟州市 司机之家: tea, rest, red books and papers, emergency charging, first-aid medicine.
  await createStation(
    em,
    {
      kind: StationKind.DRIVERS_HOME,
      name: '孟州市司机之家',
      address: '河南省焦作市孟州市',
      location: { lng: 112.7914, lat: 34.9073, crs: CoordinateSystem.GCJ02 },
      amenities: [Amenity.HOT_WATER, Amenity.REST_SEATING, Amenity.READING, Amenity.PHONE_CHARGING, Amenity.FIRST_AID_KIT, Amenity.TOILET],
      operatorOrganizationId: mengzhou.id,
    } as never,
    approximate('位置取孟州市中心点（近似）；营业时间未知') as never,
  );

  // Teams: three model-worker teams in 修武县, three rescue teams in 焦作.
  const teams = [];
  for (const [i, name] of ['修武县劳模志愿服务一队', '修武县劳模志愿服务二队', '修武县劳模志愿服务三队'].entries()) {
    const members = [];
    for (let n = 1; n <= 6; n++) {
      members.push(
        await saveVolunteer(em, SYSTEM_SCOPE, null, {
          name: `劳模${['一', '二', '三'][i]}队队员${n}`,
          isModelWorker: true,
          skills: n === 1 ? [VolunteerSkill.FIRST_AID, VolunteerSkill.ROUTE_GUIDE] : n === 2 ? [VolunteerSkill.DRIVER] : [VolunteerSkill.LOGISTICS],
        }),
      );
    }
    teams.push(await saveTeam(em, SYSTEM_SCOPE, null, { name, kind: VolunteerTeamKind.MODEL_WORKER, organizationId: xiuwu.id, regionCode: '410821', memberIds: members.map((m) => m.id), leaderId: members[0].id }));
  }
  for (const name of ['斑马救援队', '蓝天救援队', '雷锋救援队']) {
    await saveTeam(em, SYSTEM_SCOPE, null, { name, kind: VolunteerTeamKind.RESCUE, organizationId: jiaozuo.id, regionCode: '410800' });
  }

  // 修武县 三夏: from June 2 for two weeks, day and night, at three points.
  const sanxia = await saveCampaign(em, SYSTEM_SCOPE, null, {
    name: "修武县“三夏”护航：您为'三夏'忙 我为您护航",
    kind: CampaignKind.HARVEST_SUPPORT,
    startsAt: new Date('2027-06-02T00:00:00+08:00'),
    endsAt: new Date('2027-06-16T12:00:00+08:00'),
    timezone: 'Asia/Shanghai',
    regionCode: '410821',
    status: CampaignStatus.PLANNED,
    description: '为机收作业人员提供免费饮用水、方便面、防暑药品和道路指引，向收割机手送绿豆汤。',
    goals: [{ name: '服务人次', unit: '人次', target: 5000 }],
    organizationIds: [xiuwu.id],
    teamIds: teams.map((t) => t.id),
  });
  const amenities = [Amenity.DRINKING_WATER, Amenity.HOT_WATER, Amenity.HEATSTROKE_RELIEF, Amenity.ROUTE_INFO, Amenity.REST_SEATING];
  const points = [];
  for (const [name, lng, lat] of [
    ['修武高速出口三夏服务点', 113.42, 35.205],
    ['修武南高速出口三夏服务点', 113.456, 35.16],
    ['惠丰宾馆三夏服务点', 113.448, 35.226],
  ] as [string, number, number][]) {
    points.push(
      await addServicePoint(em, sanxia, {
        campaignId: sanxia.id,
        name,
        location: { lng, lat, crs: CoordinateSystem.GCJ02 },
        amenities,
        openingHours: '24/7',
        approximateNote: '按报道放在修武县城及其高速出口附近，坐标为近似值，需核实',
      }),
    );
  }
  const plan = await planShifts(
    em,
    {
      campaignId: sanxia.id,
      fromDate: '2027-06-02',
      toDate: '2027-06-15',
      stationIds: points.map((p) => p.id),
      slots: [
        { start: '08:00', end: '20:00', maxVolunteers: 4, minVolunteers: 2, role: '白班' },
        { start: '20:00', end: '08:00', maxVolunteers: 2, minVolunteers: 2, role: '夜班' },
      ],
    },
    true,
  );
  for (const [name, unit] of [['矿泉水', '瓶'], ['方便面', '箱'], ['防暑药品', '盒'], ['绿豆汤', '桶']]) {
    em.create(SupplyItem, { name, unit, campaign: sanxia.id } as never);
  }

  // 夏送清凉 in 焦作, with 孟州市's 司机之家 as a point.
  const driversHome = await em.findOneOrFail(Station, { name: '孟州市司机之家' });
  const cooling = await saveCampaign(em, SYSTEM_SCOPE, null, {
    name: '焦作市2027年“夏送清凉”',
    kind: CampaignKind.SUMMER_COOLING,
    startsAt: new Date('2027-06-15T00:00:00+08:00'),
    endsAt: new Date('2027-09-01T00:00:00+08:00'),
    regionCode: '410800',
    organizationIds: [jiaozuo.id],
    stationIds: [driversHome.id],
    goals: [{ name: '绿豆汤', unit: '桶', target: 300 }],
  });
  em.create(SupplyItem, { name: '绿豆汤', unit: '桶', campaign: cooling.id } as never);
  await em.flush();
  return { organizations: 3, teams: 6, volunteers: 18, campaigns: 2, servicePoints: points.length, shifts: plan.created };
}
