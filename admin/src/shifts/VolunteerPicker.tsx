import { Autocomplete, Box, CircularProgress, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useDebouncedValue } from '../common/useDebouncedValue';
import type { YizhanDataProvider } from '../dataProvider';
import type { Volunteer } from '../records';

interface Props {
  campaignId: string;
  /** The campaign's teams: their members are offered (everyone the viewer may see when the campaign has none). */
  teamIds: string[];
  requiredSkills: string[];
  /** Volunteers already on the shift (not offered again). */
  taken: Set<string>;
  value: Volunteer | null;
  onChange: (volunteer: Volunteer | null) => void;
}

/** Autocomplete over the volunteers of the campaign's teams, by name; notes missing skills. */
export const VolunteerPicker = ({ campaignId, teamIds, requiredSkills, taken, value, onChange }: Props) => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input, 250);
  const { data = [], isFetching } = useQuery({
    queryKey: ['scheduling', campaignId, 'volunteers', teamIds, search],
    queryFn: () => dataProvider.searchVolunteers({ teamIds, search, limit: 30 }),
    placeholderData: keepPreviousData,
  });
  const missingOf = (v: Volunteer) => requiredSkills.filter((s) => !v.skills.includes(s as never));
  return (
    <Autocomplete<Volunteer>
      value={value}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v, reason) => reason !== 'reset' && setInput(v)}
      options={data}
      filterOptions={(options) => options}
      getOptionLabel={(v) => v.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionDisabled={(v) => taken.has(v.id)}
      loading={isFetching}
      noOptionsText={translate('yizhan.scheduling.panel.no_volunteers')}
      renderOption={({ key, ...props }, v) => {
        const missing = missingOf(v);
        return (
          <Box component="li" key={key} {...props} data-testid="volunteer-option">
            <Box>
              <Typography variant="body2">
                {v.name}
                {v.isModelWorker ? ` · ${translate('resources.volunteers.model_worker')}` : ''}
                {taken.has(v.id) ? ` · ${translate('yizhan.scheduling.panel.already_on_shift')}` : ''}
              </Typography>
              <Typography variant="caption" color={missing.length ? 'error' : 'text.secondary'}>
                {v.teams.map((t) => t.name).join('、')}
                {missing.length
                  ? ` · ${translate('yizhan.scheduling.panel.missing_skills', { skills: missing.map((s) => translate(`enums.VolunteerSkill.${s}`)).join('、') })}`
                  : ''}
              </Typography>
            </Box>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={translate('yizhan.scheduling.panel.volunteer')}
          placeholder={translate('yizhan.scheduling.panel.search_volunteer')}
          slotProps={{
            htmlInput: { ...params.inputProps, 'data-testid': 'volunteer-picker' },
            input: {
              ...params.InputProps,
              endAdornment: (
                <>
                  {isFetching ? <CircularProgress color="inherit" size={16} /> : null}
                  {params.InputProps.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
      sx={{ flex: 1, minWidth: 220 }}
    />
  );
};
