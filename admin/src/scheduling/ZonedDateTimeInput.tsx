import { DateTime } from 'luxon';
import { DateTimeInput, useTranslate, type DateTimeInputProps } from 'react-admin';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * A date and time read and written in `zone` (a campaign's time zone), whatever the browser's zone: the input shows
 * wall-clock time there and the form value is an ISO instant (what the API's DateTime takes).
 */
export const ZonedDateTimeInput = ({ zone, helperText, ...props }: DateTimeInputProps & { zone: string }) => {
  const translate = useTranslate();
  return (
    <DateTimeInput
      {...props}
      format={(value: string | Date | null) => {
        if (value == null || value === '') return '';
        if (typeof value === 'string' && LOCAL.test(value)) return value;
        const iso = value instanceof Date ? value.toISOString() : value;
        const d = DateTime.fromISO(iso, { zone });
        return d.isValid ? d.toFormat("yyyy-MM-dd'T'HH:mm") : '';
      }}
      parse={(value: string) => {
        if (!value) return null;
        const d = DateTime.fromISO(value, { zone });
        return d.isValid ? d.toUTC().toISO() : null;
      }}
      helperText={
        helperText === false ? false : `${helperText ? `${translate(helperText as string)} · ` : ''}${translate('yizhan.scheduling.in_zone', { zone })}`
      }
    />
  );
};
