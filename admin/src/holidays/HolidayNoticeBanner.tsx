import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { fetchHolidayCalendar, HOLIDAYS_CHANGED, todayInChina } from './queries';

/**
 * From 1 November, a warning while next year's State Council notice is not entered (its calendar is only the
 * statutory days: no make-up workdays). Shown to administrators, who enter the notice.
 */
export const HolidayNoticeBanner = () => {
  const translate = useTranslate();
  const [missing, setMissing] = useState<number | null>(null);
  useEffect(() => {
    const today = todayInChina();
    if (today.slice(5) < '11-01') return;
    const next = Number(today.slice(0, 4)) + 1;
    let live = true;
    const check = () =>
      fetchHolidayCalendar(next)
        .then((c) => live && setMissing(c.coverage === 'STATUTORY_ONLY' ? next : null))
        .catch(() => undefined);
    check();
    window.addEventListener(HOLIDAYS_CHANGED, check);
    return () => {
      live = false;
      window.removeEventListener(HOLIDAYS_CHANGED, check);
    };
  }, []);
  if (missing === null) return null;
  return (
    <Alert severity="warning" data-testid="holiday-notice-banner" sx={{ mb: 1 }}>
      {translate('yizhan.holidays.banner', { year: missing })} <Link to={`/holidays?year=${missing}`}>{translate('yizhan.holidays.banner_link')}</Link>
    </Alert>
  );
};
