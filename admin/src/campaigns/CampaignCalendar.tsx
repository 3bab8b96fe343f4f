import Bedtime from '@mui/icons-material/Bedtime';
import CheckBox from '@mui/icons-material/CheckBox';
import { Box, Stack, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { Calendar, luxonLocalizer, Views, type AgendaTimeProps, type DateLocalizer, type EventProps, type Formats, type Messages, type View } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { useLocaleState, useTranslate } from 'react-admin';
import { FILL_COLORS, fillStateOf, NIGHT_BAND, type FillState } from '../scheduling/fillState';
import { inZone, intlLocale, toWallDate, todayIn } from '../scheduling/time';
import { roleLabel } from '../shifts/roleLabel';
import type { Campaign, ShiftFill } from '../records';

/**
 * A Luxon localizer whose weeks start on `firstWeekday` (1 = Monday … 7 = Sunday), so the week view opens on the
 * campaign's first seven days. react-big-calendar's Luxon localizer computes week bounds correctly only for weeks
 * starting on Saturday, Sunday or Monday (otherwise "Invalid DateTime"); the week view asks the localizer for
 * `startOf(date, 'week')` and `endOf(date, 'week')` only, so those two are given here and the rest is Luxon's.
 */
const campaignLocalizer = (firstWeekday: number): DateLocalizer => {
  const localizer = luxonLocalizer(DateTime, { firstDayOfWeek: 1 });
  const weekStart = (date: Date) => {
    const day = DateTime.fromJSDate(date).startOf('day');
    return day.minus({ days: (day.weekday - firstWeekday + 7) % 7 });
  };
  const { startOf, endOf } = localizer;
  localizer.startOf = ((date: Date, unit?: string) => (unit === 'week' ? weekStart(date).toJSDate() : startOf(date, unit as never))) as typeof startOf;
  localizer.endOf = ((date: Date, unit?: string) => (unit === 'week' ? weekStart(date).plus({ days: 6 }).endOf('day').toJSDate() : endOf(date, unit as never))) as typeof endOf;
  return localizer;
};

export interface ShiftEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  fill: ShiftFill;
  state: FillState;
  selected: boolean;
  /** The shift's real end; `end` differs from it only in the list view, where a night shift is cut at midnight. */
  realEnd: Date;
}

interface PointResource {
  id: string;
  title: string;
}

const hhmm = (date: Date) => DateTime.fromJSDate(date).toFormat('HH:mm');

const formats: Formats = {
  timeGutterFormat: (date: Date) => hhmm(date),
  eventTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) => `${hhmm(start)}–${hhmm(end)}`,
  eventTimeRangeStartFormat: ({ start }: { start: Date }) => `${hhmm(start)}–`,
  eventTimeRangeEndFormat: ({ end }: { end: Date }) => `–${hhmm(end)}`,
  agendaTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) => `${hhmm(start)}–${hhmm(end)}`,
  agendaTimeFormat: (date: Date) => hhmm(date),
  dayFormat: (date: Date, culture?: string) => DateTime.fromJSDate(date).setLocale(culture ?? 'zh-CN').toFormat('M/d ccc'),
  agendaDateFormat: (date: Date, culture?: string) => DateTime.fromJSDate(date).setLocale(culture ?? 'zh-CN').toFormat('M/d ccc'),
  dayHeaderFormat: (date: Date, culture?: string) => DateTime.fromJSDate(date).setLocale(culture ?? 'zh-CN').toFormat('yyyy-MM-dd cccc'),
  dayRangeHeaderFormat: ({ start, end }: { start: Date; end: Date }) =>
    `${DateTime.fromJSDate(start).toFormat('yyyy-MM-dd')} – ${DateTime.fromJSDate(end).toFormat('MM-dd')}`,
  agendaHeaderFormat: ({ start, end }: { start: Date; end: Date }) =>
    `${DateTime.fromJSDate(start).toFormat('yyyy-MM-dd')} – ${DateTime.fromJSDate(end).toFormat('MM-dd')}`,
};

/** What a shift shows in the calendar: filled/capacity, a moon for night shifts, the role, the waitlist. */
const ShiftEventContent = ({ event }: EventProps<ShiftEvent>) => {
  const translate = useTranslate();
  const { fill, state } = event;
  return (
    <Box
      data-testid="shift-event"
      data-shift-id={fill.shift.id}
      data-fill={state}
      data-night={String(fill.isNight)}
      data-filled={fill.filled}
      data-capacity={fill.capacity}
      data-minimum={fill.minimum}
      data-selected={String(event.selected)}
      sx={{ lineHeight: 1.25, fontSize: 12, overflow: 'hidden', height: '100%' }}
    >
      <Stack direction="row" alignItems="center" gap={0.25} sx={{ fontWeight: 700, fontSize: 13 }}>
        {fill.isNight && <Bedtime sx={{ fontSize: 14 }} titleAccess={translate('yizhan.scheduling.calendar.night')} />}
        <span data-testid="shift-event-count">{`${fill.filled}/${fill.capacity}`}</span>
        {event.selected && <CheckBox sx={{ fontSize: 14, ml: 'auto' }} />}
      </Stack>
      <Box sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{roleLabel(fill.shift.role, translate)}</Box>
      {fill.shift.waitlistCount > 0 && (
        <Box sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {translate('yizhan.scheduling.calendar.waitlist', { count: fill.shift.waitlistCount })}
        </Box>
      )}
    </Box>
  );
};

/**
 * A shift in the list (agenda) view: the service point first (the list has no point columns), then the role,
 * filled/capacity, a moon for night shifts and the waitlist.
 */
const AgendaShiftContent = ({ event }: EventProps<ShiftEvent>) => {
  const translate = useTranslate();
  const { fill } = event;
  return (
    <Stack direction="row" alignItems="center" gap={1} data-testid="agenda-shift" data-shift-id={fill.shift.id} data-night={String(fill.isNight)}>
      {fill.isNight && <Bedtime sx={{ fontSize: 16 }} titleAccess={translate('yizhan.scheduling.calendar.night')} />}
      <Box component="span" sx={{ fontWeight: 700 }} data-testid="agenda-shift-point">
        {fill.stationName}
      </Box>
      <span>{roleLabel(fill.shift.role, translate)}</span>
      <span>{`${fill.filled}/${fill.capacity}`}</span>
      {fill.shift.waitlistCount > 0 && <span>{translate('yizhan.scheduling.calendar.waitlist', { count: fill.shift.waitlistCount })}</span>}
    </Stack>
  );
};

/** The list view's time: the shift's real start and end (a night shift ends the next day, marked so). */
const AgendaShiftTime = (props: AgendaTimeProps) => {
  const translate = useTranslate();
  const { start, realEnd: end } = props.event as ShiftEvent;
  const nextDay = DateTime.fromJSDate(end).startOf('day') > DateTime.fromJSDate(start).startOf('day');
  return <>{`${hhmm(start)}–${hhmm(end)}${nextDay ? ` ${translate('yizhan.scheduling.next_day')}` : ''}`}</>;
};

/** Colours, the night band and the selection outline; day and week columns narrow enough for three points. */
const calendarSx = {
  height: 760,
  // The width of the card, not of the columns: react-admin's layout grows to fit its content, so many points and
  // days would widen the whole page; this way the calendar scrolls sideways inside itself.
  width: 0,
  minWidth: '100%',
  '& .rbc-calendar': { height: '100%' },
  '& .rbc-event': { borderRadius: '4px', border: '1px solid', color: '#fff', p: '2px 4px' },
  '& .rbc-event-label': { fontSize: 11, opacity: 0.9 },
  ...Object.fromEntries(
    (Object.keys(FILL_COLORS) as FillState[]).map((state) => [
      `& .rbc-event.shift-${state}, & .rbc-agenda-view .shift-${state}`,
      { backgroundColor: FILL_COLORS[state].bg, borderColor: FILL_COLORS[state].border },
    ]),
  ),
  '& .rbc-event.shift-night': {
    backgroundImage: 'repeating-linear-gradient(135deg, rgba(0,0,0,0.22) 0 6px, rgba(0,0,0,0) 6px 12px)',
    boxShadow: `inset 5px 0 0 ${NIGHT_BAND}`,
    pl: '8px',
  },
  '& .rbc-event.shift-selected': { outline: '3px solid #0d47a1', outlineOffset: '1px', zIndex: 3 },
  '& .rbc-time-view-resources .rbc-day-slot': { minWidth: 92 },
  '& .rbc-time-view-resources .rbc-header, & .rbc-time-view-resources .rbc-day-bg': { width: 92 },
  '& .rbc-time-view-resources .rbc-row-resource .rbc-header': { fontWeight: 700, bgcolor: '#f1f5fb', py: 0.5 },
  '& .rbc-off-window': { bgcolor: '#f3f3f3' },
  '& .rbc-toolbar .rbc-toolbar-label': { fontWeight: 600 },
};

interface Props {
  campaign: Campaign;
  fills: ShiftFill[];
  selected: ReadonlySet<string>;
  onSelectShift: (fill: ShiftFill) => void;
}

/**
 * The campaign's shifts on a react-big-calendar time grid, one column group per service point (resources), in the
 * campaign's time zone. Each shift is coloured by fill state, night shifts are striped with a moon, and shows
 * filled/capacity; a click opens its panel.
 */
export const CampaignCalendar = ({ campaign, fills, selected, onSelectShift }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const zone = campaign.timezone;
  // Weeks start on the campaign's first weekday, so the first week view shows its first seven days.
  const localizer = useMemo(() => campaignLocalizer(inZone(campaign.startsAt, zone).weekday), [campaign.startsAt, zone]);
  const windowStart = toWallDate(campaign.startsAt, zone);
  const windowEnd = toWallDate(campaign.endsAt, zone);
  const [date, setDate] = useState<Date>(() => {
    const today = DateTime.fromISO(todayIn(zone)).toJSDate();
    return today >= DateTime.fromJSDate(windowStart).startOf('day').toJSDate() && today < windowEnd ? today : windowStart;
  });
  const [view, setView] = useState<View>(campaign.stations.length > 4 ? Views.DAY : Views.WEEK);

  const resources = useMemo<PointResource[]>(() => {
    const points = new Map(campaign.stations.map((s) => [s.id, s.name]));
    for (const f of fills) if (!points.has(f.shift.station.id)) points.set(f.shift.station.id, f.stationName);
    return [...points].map(([id, title]) => ({ id, title }));
  }, [campaign.stations, fills]);

  const events = useMemo<ShiftEvent[]>(
    () =>
      fills.map((fill) => {
        const start = toWallDate(fill.shift.startsAt, zone);
        const end = toWallDate(fill.shift.endsAt, zone);
        // The list view lists a shift under every day it touches; cut there at midnight, a night shift is listed once.
        const listEnd = view === Views.AGENDA ? new Date(Math.min(end.getTime(), DateTime.fromJSDate(start).endOf('day').toMillis())) : end;
        return {
          id: fill.shift.id,
          title: `${fill.stationName} ${roleLabel(fill.shift.role, translate)} ${fill.filled}/${fill.capacity}`,
          start,
          end: listEnd,
          realEnd: end,
          resourceId: fill.shift.station.id,
          fill,
          state: fillStateOf(fill),
          selected: selected.has(fill.shift.id),
        };
      }),
    [fills, zone, selected, view, translate],
  );

  const messages: Messages<ShiftEvent> = useMemo(
    () => ({
      date: translate('yizhan.scheduling.calendar.date'),
      time: translate('yizhan.scheduling.calendar.time'),
      event: translate('yizhan.scheduling.calendar.event'),
      allDay: translate('yizhan.scheduling.calendar.all_day'),
      week: translate('yizhan.scheduling.calendar.week'),
      work_week: translate('yizhan.scheduling.calendar.work_week'),
      day: translate('yizhan.scheduling.calendar.day'),
      month: translate('yizhan.scheduling.calendar.month'),
      previous: translate('yizhan.scheduling.calendar.previous'),
      next: translate('yizhan.scheduling.calendar.next'),
      yesterday: translate('yizhan.scheduling.calendar.yesterday'),
      tomorrow: translate('yizhan.scheduling.calendar.tomorrow'),
      today: translate('yizhan.scheduling.calendar.today'),
      agenda: translate('yizhan.scheduling.calendar.agenda'),
      noEventsInRange: translate('yizhan.scheduling.calendar.no_events'),
      showMore: (total: number) => translate('yizhan.scheduling.calendar.show_more', { count: total }),
    }),
    [translate],
  );

  if (resources.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        {translate('yizhan.scheduling.calendar.no_points')}
      </Typography>
    );
  }

  return (
    <Box sx={calendarSx} data-testid="campaign-calendar" data-view={view}>
      <Calendar<ShiftEvent, PointResource>
        localizer={localizer}
        culture={intlLocale(locale)}
        formats={formats}
        messages={messages}
        events={events}
        resources={resources}
        resourceIdAccessor="id"
        resourceTitleAccessor="title"
        resourceAccessor="resourceId"
        tooltipAccessor={(e) => e.title}
        views={[Views.DAY, Views.WEEK, Views.AGENDA]}
        view={view}
        onView={setView}
        date={date}
        onNavigate={setDate}
        length={7}
        step={60}
        timeslots={1}
        showMultiDayTimes
        dayLayoutAlgorithm="no-overlap"
        scrollToTime={new Date(1970, 0, 1, 6)}
        getNow={() => DateTime.now().setZone(zone).setZone('local', { keepLocalTime: true }).toJSDate()}
        onSelectEvent={(e) => onSelectShift(e.fill)}
        eventPropGetter={(e) => ({
          className: ['shift-event', `shift-${e.state}`, e.fill.isNight ? 'shift-night' : '', e.selected ? 'shift-selected' : ''].join(' '),
        })}
        dayPropGetter={(day) => {
          const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
          return next <= windowStart || day >= windowEnd ? { className: 'rbc-off-window' } : {};
        }}
        components={{ event: ShiftEventContent, agenda: { event: AgendaShiftContent, time: AgendaShiftTime } }}
      />
    </Box>
  );
};

/** Loaded on demand (React.lazy): react-big-calendar and its CSS stay out of the main bundle. */
export default CampaignCalendar;
