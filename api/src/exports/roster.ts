import { DateTime } from 'luxon';
import type { Context } from '../context';
import { BadInputError } from '../common/errors';
import { checkText, LOCAL_DATE_RULE } from '../common/input-rules';
import { assertUuid } from '../common/ids';
import { PERSONAL_DATA } from '../auth/personal-data';
import { pgArray } from '../common/pagination';
import { zh } from './labels';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface RosterShift {
  id: string;
  starts_at: string;
  ends_at: string;
  role: string;
  min_volunteers: number;
  max_volunteers: number;
  campaign_name: string;
  notes: string | null;
}

interface RosterPerson {
  shift_id: string;
  volunteer_id: string;
  name: string;
  phone: string | null;
  status: string;
}

/** The roster's arguments: `stationId` (UUID) and `day` (a local date YYYY-MM-DD); BAD_USER_INPUT names them. */
export function rosterArgs(query: Record<string, unknown>): { stationId: string; day: string } {
  for (const key of Object.keys(query)) if (key !== 'stationId' && key !== 'day') throw new BadInputError(key, 'unknown parameter; the roster takes stationId and day', 'UNKNOWN_PARAMETER', { name: key, allowed: ['stationId', 'day'] });
  if (typeof query.stationId !== 'string' || !query.stationId) throw new BadInputError('stationId', 'is required', 'REQUIRED');
  if (typeof query.day !== 'string' || !query.day) throw new BadInputError('day', 'is required', 'REQUIRED');
  assertUuid(query.stationId, 'stationId');
  return { stationId: query.stationId, day: checkText(query.day, LOCAL_DATE_RULE, 'day')! };
}

/**
 * A printable shift roster (排班表) of one service point on one local day, as an HTML page with print CSS (A4,
 * one table per shift, a signature column for 签到/签退): the shifts that overlap the day in the station's time
 * zone and that the viewer may see (Access: the station must be in scope, NOT_FOUND on `stationId`; a
 * COORDINATOR sees their campaigns' shifts only), each with its volunteers holding a place or waitlisted, in
 * arrival order. Phone numbers follow the personal-data rule of Volunteer.phone.
 */
export async function rosterHtml(ctx: Context, args: { stationId: string; day: string }): Promise<string> {
  await ctx.access.require('Station', args.stationId, 'stationId');
  const em = ctx.em;
  const [station] = await em.execute<{ name: string; address: string | null; timezone: string; kind: string }[]>(
    `select name, address, timezone, kind from station where id = ?`,
    [args.stationId],
  );
  const start = DateTime.fromISO(args.day, { zone: station.timezone }).startOf('day');
  const end = start.plus({ days: 1 });
  const shifts = await em.execute<RosterShift[]>(
    `select sh.id, sh.starts_at, sh.ends_at, sh.role, sh.min_volunteers, sh.max_volunteers, sh.notes, c.name as campaign_name
       from shift sh join campaign c on c.id = sh.campaign_id
      where sh.station_id = ? and sh.starts_at < ? and sh.ends_at > ? order by sh.starts_at, sh.id`,
    [args.stationId, end.toJSDate(), start.toJSDate()],
  );
  const visible = await ctx.access.idsInScope('Shift', shifts.map((s) => s.id));
  const mine = shifts.filter((s) => visible.has(s.id));
  const people = mine.length
    ? await em.execute<RosterPerson[]>(
        `select a.shift_id, v.id as volunteer_id, v.name, v.phone, a.status from shift_assignment a join volunteer v on v.id = a.volunteer_id
          where a.shift_id = any(?::uuid[]) and a.status in ('SIGNED_UP', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'WAITLISTED') order by a.seq`,
        [pgArray(mine.map((s) => s.id))],
      )
    : [];
  const rule = PERSONAL_DATA.find((p) => p.entity === 'Volunteer' && p.field === 'phone')!;
  const full = await rule.inFull(ctx.access, [...new Set(people.map((p) => p.volunteer_id))], em);
  const t = (at: string) => DateTime.fromJSDate(new Date(at)).setZone(station.timezone).toFormat('MM-dd HH:mm');
  const tables = mine.map((s) => {
    const rows = people.filter((p) => p.shift_id === s.id);
    const body = rows.length
      ? rows
          .map(
            (p, i) =>
              `<tr><td>${i + 1}</td><td>${esc(p.name)}</td><td>${esc(rule.shown(ctx.access, p.phone, full.has(p.volunteer_id)))}</td><td>${esc(zh('AssignmentStatus', p.status))}</td><td></td><td></td></tr>`,
          )
          .join('')
      : '<tr><td colspan="6" class="empty">暂无报名</td></tr>';
    return `<section><h2>${esc(t(s.starts_at))} – ${esc(t(s.ends_at))} · ${esc(zh('ShiftRole', s.role))} · ${esc(s.campaign_name)}</h2>
<p class="meta">需 ${s.min_volunteers}–${s.max_volunteers} 人，已报名 ${rows.filter((r) => r.status !== 'WAITLISTED').length} 人${s.notes ? ` · ${esc(s.notes)}` : ''}</p>
<table><thead><tr><th>#</th><th>志愿者</th><th>手机</th><th>状态</th><th>签到</th><th>签退</th></tr></thead><tbody>${body}</tbody></table></section>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(station.name)} ${esc(args.day)} 排班表</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 24px; color: #111; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 4px; }
.sub, .meta { color: #444; font-size: 12px; margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #555; padding: 6px 8px; text-align: left; }
th { background: #eee; } td:nth-child(5), td:nth-child(6) { width: 18%; } td.empty { color: #777; text-align: center; }
section { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; } th { background: #ddd !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style></head><body>
<h1>${esc(station.name)} · 排班表</h1>
<p class="sub">${esc(args.day)}（${esc(station.timezone)}）· ${esc(zh('StationKind', station.kind))}${station.address ? ` · ${esc(station.address)}` : ''} · 共 ${mine.length} 个班次</p>
${tables.join('\n') || '<p class="empty">当日没有班次。</p>'}
</body></html>`;
}
