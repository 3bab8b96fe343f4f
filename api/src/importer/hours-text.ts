import { parseOpeningHours } from '../common/opening-hours';

/** Result of reading a source's opening-hours text: OSM syntax, or null with the reason it could not be read. */
export interface HoursConversion {
  openingHours: string | null;
  problem?: string;
}

const DAY = { 一: 'Mo', 二: 'Tu', 三: 'We', 四: 'Th', 五: 'Fr', 六: 'Sa', 日: 'Su', 天: 'Su', 七: 'Su' } as const;
type DayChar = keyof typeof DAY;

const DAY_PHRASES: [RegExp, string][] = [
  [/^(每天|每日|全天候|全年无休|天天|周一至周日|周一到周日|星期一至星期日)/, ''],
  [/^(工作日)/, 'Mo-Fr'],
  [/^(周末|双休日)/, 'Sa,Su'],
  [/^(节假日|法定节假日)/, 'PH'],
];

/**
 * Converts Chinese opening-hours text from station sources to OSM `opening_hours` syntax:
 * `24小时` → `24/7`; `08:00-12:00,14:00-16:00` → the same with every day; `周一至周五 09:00-17:00` →
 * `Mo-Fr 09:00-17:00; PH off` (weekday-only places close on statutory holidays); `工作日开放` (no times) →
 * `Mo-Fr unknown "工作日开放"; PH off`. Text it cannot read comes back as null with a `problem`.
 * Already-valid OSM syntax is kept as it is.
 */
export function convertChineseHours(text: string | null | undefined): HoursConversion {
  if (text == null || text.trim() === '') return { openingHours: null };
  const raw = text.trim();
  try {
    parseOpeningHours(raw);
    if (/^[\x20-\x7e]+$/.test(raw)) return { openingHours: raw };
  } catch {
    // not OSM syntax; read it as Chinese text
  }
  let s = raw
    .replace(/[：]/g, ':')
    .replace(/[，、；;]/g, ',')
    .replace(/[～~—–－至到]/g, (m, offset: number, all: string) => (/\d/.test(all[offset - 1] ?? '') ? '-' : m))
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(24小时|24h|二十四小时|全天24小时|24小时营业|24小时开放)$/i.test(s)) return { openingHours: '24/7' };

  let days = '';
  const range = /^(?:周|星期)([一二三四五六日天七])\s*[至到-]\s*(?:周|星期)?([一二三四五六日天七])/.exec(s);
  if (range) {
    days = `${DAY[range[1] as DayChar]}-${DAY[range[2] as DayChar]}`;
    if (days === 'Mo-Su') days = '';
    s = s.slice(range[0].length).trim();
  } else {
    for (const [re, osm] of DAY_PHRASES) {
      const m = re.exec(s);
      if (m) {
        days = osm;
        s = s.slice(m[0].length).trim();
        break;
      }
    }
  }
  s = s.replace(/^(开放|营业|服务)\s*/, '').replace(/\s*(开放|营业|服务)$/, '').trim();
  const weekdaysOnly = days === 'Mo-Fr';
  const suffix = weekdaysOnly ? '; PH off' : '';
  if (s === '') {
    if (!days) return { openingHours: null, problem: `no times in "${raw}"` };
    return finish(`${days} unknown "${raw}"${suffix}`, raw);
  }
  const times = s.split(',').map((t) => t.trim()).filter(Boolean);
  const normalized: string[] = [];
  for (const t of times) {
    const m = /^(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?$/.exec(t);
    if (!m) return { openingHours: null, problem: `cannot read "${t}" in "${raw}"` };
    const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3]), Number(m[4] ?? 0)];
    if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) return { openingHours: null, problem: `impossible time "${t}" in "${raw}"` };
    normalized.push(`${pad(h1)}:${pad(m1)}-${pad(h2)}:${pad(m2)}`);
  }
  if (normalized.length === 1 && normalized[0] === '00:00-24:00' && !days) return { openingHours: '24/7' };
  return finish(`${days ? `${days} ` : ''}${normalized.join(',')}${suffix}`, raw);
}

function finish(value: string, raw: string): HoursConversion {
  try {
    parseOpeningHours(value);
    return { openingHours: value };
  } catch (e) {
    return { openingHours: null, problem: `"${raw}" gave invalid "${value}": ${(e as Error).message}` };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
