import type { EntityManager } from '@mikro-orm/postgresql';
import ical, { ICalEventStatus } from 'ical-generator';

export interface Row {
  assignment_id: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  role: string;
  station_name: string;
  address: string | null;
  lng: number;
  lat: number;
  campaign_name: string;
  volunteer_name: string;
  shift_id: string;
}

export const SELECT = `select a.id as assignment_id, a.status, s.id as shift_id, s.starts_at, s.ends_at, s.role, st.name as station_name, st.address,
  ST_X(st.location::geometry) as lng, ST_Y(st.location::geometry) as lat, c.name as campaign_name, v.name as volunteer_name
  from shift_assignment a join shift s on s.id = a.shift_id join station st on st.id = s.station_id
  join campaign c on c.id = s.campaign_id join volunteer v on v.id = a.volunteer_id`;

/** Sign-up statuses as the feed's readers (volunteers, in Chinese) call them; the admin's zh-CN labels. */
const STATUS_LABELS: Record<string, string> = {
  SIGNED_UP: '已报名',
  WAITLISTED: '候补',
  CONFIRMED: '已确认',
  CHECKED_IN: '已签到',
  COMPLETED: '已完成',
  NO_SHOW: '缺勤',
  CANCELLED: '已取消',
};

/** A shift's role in the feed: the API's default `VOLUNTEER` as 志愿者, any other (free text) as entered. */
const roleLabel = (role: string) => (role === 'VOLUNTEER' ? '志愿者' : role);

/**
 * The iCalendar (RFC 5545, via ical-generator) of a volunteer or a team, found by the secret token in its feed
 * URL: one event per booked shift (waitlisted ones as TENTATIVE; cancelled and no-shows left out), with the
 * service point as location (WGS-84 geo). Null when no volunteer or team has the token.
 */
export async function calendarFeed(em: EntityManager, kind: 'volunteer' | 'team', token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  let name: string;
  let rows: Row[];
  if (kind === 'volunteer') {
    const [v] = await em.execute<{ id: string; name: string }[]>(`select id, name from volunteer where calendar_token = ?`, [token]);
    if (!v) return null;
    name = `${v.name} 的志愿服务班次`;
    rows = await em.execute<Row[]>(`${SELECT} where a.volunteer_id = ? and a.status not in ('CANCELLED', 'NO_SHOW') order by s.starts_at limit 2000`, [v.id]);
  } else {
    const [t] = await em.execute<{ id: string; name: string }[]>(`select id, name from volunteer_team where calendar_token = ?`, [token]);
    if (!t) return null;
    name = `${t.name} 排班`;
    rows = await em.execute<Row[]>(
      `${SELECT} join volunteer_team_members m on m.volunteer_id = a.volunteer_id and m.volunteer_team_id = ?
        where a.status not in ('CANCELLED', 'NO_SHOW') order by s.starts_at limit 5000`,
      [t.id],
    );
  }
  for (const r of rows) {
    r.starts_at = new Date(r.starts_at);
    r.ends_at = new Date(r.ends_at);
  }
  const cal = ical({ name, prodId: { company: 'Yizhan', product: 'shifts', language: 'ZH' }, ttl: 15 * 60 });
  if (kind === 'volunteer') {
    for (const r of rows) {
      cal.createEvent({
        id: `${r.assignment_id}@yizhan`,
        start: r.starts_at,
        end: r.ends_at,
        summary: `${r.campaign_name} · ${r.station_name}${r.status === 'WAITLISTED' ? '（候补）' : ''}`,
        description: `岗位 ${roleLabel(r.role)}；状态 ${STATUS_LABELS[r.status] ?? r.status}`,
        location: { title: r.station_name, address: r.address ?? undefined, geo: { lat: Number(r.lat), lon: Number(r.lng) } },
        status: r.status === 'WAITLISTED' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      });
    }
  } else {
    // One event per shift, listing the team's members on it.
    const byShift = new Map<string, Row[]>();
    for (const r of rows) byShift.set(r.shift_id, [...(byShift.get(r.shift_id) ?? []), r]);
    for (const [shiftId, list] of byShift) {
      const r = list[0];
      const booked = list.filter((x) => x.status !== 'WAITLISTED').map((x) => x.volunteer_name);
      cal.createEvent({
        id: `${shiftId}@yizhan`,
        start: r.starts_at,
        end: r.ends_at,
        summary: `${r.campaign_name} · ${r.station_name}（${booked.length} 人）`,
        description: `岗位 ${roleLabel(r.role)}；${booked.join('、')}`,
        location: { title: r.station_name, address: r.address ?? undefined, geo: { lat: Number(r.lat), lon: Number(r.lng) } },
        status: booked.length ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      });
    }
  }
  return cal.toString();
}
