export { HolidaysPage } from './HolidaysPage';
export { HolidayNoticeBanner } from './HolidayNoticeBanner';

/** Route of the holiday calendar page (ADMIN). */
export const HOLIDAYS_PATH = '/holidays';
