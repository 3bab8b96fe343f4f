import { Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { TextInput, useDataProvider, useTranslate, type TextInputProps, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { debounceAsync } from '../common/debounceAsync';
import { useDebouncedValue } from '../common/useDebouncedValue';
import type { OpeningHoursCheck, YizhanDataProvider } from '../dataProvider';

/** The API prefixes the message with the argument name; the input already says which field it is. */
const errorText = (check: OpeningHoursCheck) => (check.error ?? '').replace(/^openingHours:\s*/, '');

const checkKey = (openingHours: string, timezone?: string | null) => ['yizhan', 'openingHoursCheck', openingHours, timezone ?? null];
const CHECK_STALE_MS = 60_000;

/** Live feedback under the input: valid and open now (营业中), valid and closed (已打烊), or the parse error. */
const OpeningHoursStatus = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const value = useDebouncedValue((useWatch({ name: source }) as string | null) ?? '', 400).trim();
  const timezone = useWatch({ name: 'timezone' }) as string | null;
  const check = useQuery({
    queryKey: checkKey(value, timezone),
    queryFn: () => dataProvider.checkOpeningHours(value, timezone),
    enabled: value !== '',
    staleTime: CHECK_STALE_MS,
  });
  if (!value) return <>{translate('yizhan.openingHours.help')}</>;
  if (!check.data) return <>{translate('yizhan.openingHours.checking')}</>;
  const { valid, isOpen } = check.data;
  if (!valid) {
    return <Typography component="span" variant="inherit" color="error">{translate('yizhan.openingHours.invalid', { error: errorText(check.data) })}</Typography>;
  }
  return (
    <Stack component="span" direction="row" spacing={0.75} alignItems="center">
      <Typography component="span" variant="inherit" sx={{ fontWeight: 600, color: isOpen ? 'success.main' : 'text.secondary' }}>
        {isOpen ? '●' : '○'} {translate(isOpen == null ? 'yizhan.openingHours.unknown' : isOpen ? 'yizhan.openingHours.open' : 'yizhan.openingHours.closed')}
      </Typography>
      <span>· {translate('yizhan.openingHours.help')}</span>
    </Stack>
  );
};

/**
 * OSM opening_hours text, validated by the API's `openingHoursCheck` (debounced, cached with the
 * live status above), read in the form's `timezone`.
 */
export const OpeningHoursInput = ({ source = 'openingHours', ...props }: Partial<TextInputProps>) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const queryClient = useQueryClient();
  const validate = useMemo<Validator>(() => {
    const check = debounceAsync(
      (openingHours: string, timezone: string | null): Promise<OpeningHoursCheck> =>
        queryClient.fetchQuery({
          queryKey: checkKey(openingHours, timezone),
          queryFn: () => dataProvider.checkOpeningHours(openingHours, timezone),
          staleTime: CHECK_STALE_MS,
        }),
      300,
    );
    return async (value, values) => {
      if (typeof value !== 'string' || !value.trim()) return undefined;
      const result = await check(value.trim(), values?.timezone ?? null);
      return result.valid ? undefined : { message: 'yizhan.openingHours.invalid', args: { error: errorText(result) } };
    };
  }, [dataProvider, queryClient]);
  return <TextInput source={source} validate={validate} helperText={<OpeningHoursStatus source={source} />} {...props} />;
};
