import { i18nProvider } from '../i18n';
import { formatInstant } from '../scheduling/time';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DEFAULT_ZONE = 'Asia/Shanghai';

/** What the API says in `extensions`: the stable reason key and its arguments (api/src/common/error-reasons.ts). */
export interface ServerErrorExtensions {
  code?: unknown;
  reason?: unknown;
  args?: unknown;
}

/**
 * An argument as the user reads it: instants in the record's time zone (`args.timeZone`, Asia/Shanghai when the
 * API gives none) as `2027-06-10 11:30`, statuses and roles by their translated names, lists joined.
 */
function showArg(key: string, value: unknown, zone: string, translate: (k: string, o?: object) => string): string {
  if (Array.isArray(value)) return value.map((v) => showArg(key, v, zone, translate)).join(translate('reasonWords.separator', { _: '、' }));
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatInstant(value, zone);
  if (typeof value !== 'string') return value == null ? '' : String(value);
  if (key === 'status') return translate(`enums.AssignmentStatus.${value}`, { _: value });
  if (key === 'role' || key === 'roles') return translate(`enums.Role.${value}`, { _: value });
  if (key === 'skills') return translate(`enums.VolunteerSkill.${value}`, { _: value });
  if (key === 'other') return translate(`reasonWords.fields.${value}`, { _: value });
  if (key === 'action') return translate(`reasonWords.actions.${value}`, { _: value });
  return value;
}

/**
 * The API error in the admin's language: `reasons.<extensions.reason>` with `extensions.args` filled in, or the
 * server's (English) message when the reason is unknown to this build. A `line`, `row` or `item` arg (a place
 * in an uploaded text) comes first: "第 3 行：日期格式…". Takes a GraphQL error, an HTTP error body's first error
 * (exports, imports) or an import row's rejection alike: `{ message, extensions: { reason, args } }`.
 */
export function describeServerError(error: { message: string; extensions?: ServerErrorExtensions | Record<string, unknown> }): string {
  const ext = (error.extensions ?? {}) as ServerErrorExtensions;
  if (typeof ext.reason !== 'string') return error.message;
  const translate = (key: string, options?: object) => i18nProvider.translate(key, options);
  const args = (ext.args && typeof ext.args === 'object' ? ext.args : {}) as Record<string, unknown>;
  const zone = typeof args.timeZone === 'string' ? args.timeZone : DEFAULT_ZONE;
  const shown = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, showArg(k, v, zone, translate)]));
  const sentence = translate(`reasons.${ext.reason}`, { ...shown, _: error.message });
  // Where in an uploaded text (a holiday notice, an import file): "第 3 行：…" before the sentence.
  const at = AT_ARGS.find((k) => typeof args[k] === 'number');
  return at ? `${translate(`reasonWords.at.${at}`, { [at]: args[at] })}${sentence}` : sentence;
}

/** Args naming a place in an uploaded text, shown before the sentence (error-reasons.ts). */
const AT_ARGS = ['line', 'row', 'item'] as const;
