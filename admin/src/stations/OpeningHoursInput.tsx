import { Button, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { TextInput, useDataProvider, useTranslate, type TextInputProps, type Validator } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { debounceAsync } from '../common/debounceAsync';
import { useDebouncedValue } from '../common/useDebouncedValue';
import type { OpeningHoursCheck, YizhanDataProvider } from '../dataProvider';

type Translate = ReturnType<typeof useTranslate>;

/** Why the value is invalid, in the admin's language (the API's reason key); the API's text for unknown reasons. */
const errorText = (check: OpeningHoursCheck, translate: Translate) => {
  // The API prefixes its message with the argument name; the input already says which field it is.
  const raw = (check.error ?? '').replace(/^openingHours:\s*/, '');
  return check.reason ? translate(`reasons.${check.reason}`, { suggestion: check.suggestion ?? '', _: raw }) : raw;
};

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
    return <Typography component="span" variant="inherit" color="error">{translate('yizhan.openingHours.invalid', { error: errorText(check.data, translate) })}</Typography>;
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
 * The valid value an invalid one most likely means (the importer's reading of Chinese text such as
 * `周一至周五 9:00-17:00`, or the parser's correction), offered as one click. Outside the helper text, which a
 * validation error replaces.
 */
const OpeningHoursSuggestion = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const value = ((useWatch({ name: source }) as string | null) ?? '').trim();
  const timezone = useWatch({ name: 'timezone' }) as string | null;
  const check = useQuery<OpeningHoursCheck>({ queryKey: checkKey(value, timezone), enabled: false });
  const suggestion = value && check.data && !check.data.valid ? check.data.suggestion : null;
  if (!suggestion) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      sx={{ mt: -1, mb: 1, textTransform: 'none', alignSelf: 'flex-start' }}
      data-testid="opening-hours-convert"
      onClick={() => setValue(source, suggestion, { shouldDirty: true, shouldValidate: true })}
    >
      {translate('yizhan.openingHours.convert', { value: suggestion })}
    </Button>
  );
};

/**
 * OSM opening_hours text, validated by the API's `openingHoursCheck` (debounced, cached with the
 * live status above), read in the form's `timezone`.
 */
export const OpeningHoursInput = ({ source = 'openingHours', ...props }: Partial<TextInputProps>) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const queryClient = useQueryClient();
  const translate = useTranslate();
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
      return result.valid ? undefined : { message: 'yizhan.openingHours.invalid', args: { error: errorText(result, translate) } };
    };
  }, [dataProvider, queryClient, translate]);
  return (
    <Stack sx={{ width: '100%' }}>
      <TextInput source={source} validate={validate} helperText={<OpeningHoursStatus source={source} />} {...props} />
      <OpeningHoursSuggestion source={source} />
    </Stack>
  );
};
