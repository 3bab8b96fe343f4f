import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** Skills as chips (labels from enums.VolunteerSkill). */
export const SkillsField = ({ source = 'skills' }: Partial<FieldProps>) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const skills: string[] = record?.[source as string] ?? [];
  if (!skills.length) return <>—</>;
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5}>
      {skills.map((s) => (
        <Chip key={s} size="small" variant="outlined" label={translate(`enums.VolunteerSkill.${s}`, { _: s })} />
      ))}
    </Stack>
  );
};
