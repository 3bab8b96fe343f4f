import { Create, SimpleForm, useRedirect, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { Shift } from '../records';
import { ShiftInputs } from './ShiftInputs';

/** A single shift (the campaign page's plan form makes many at once); `?campaignId=` preselects the campaign. */
export const ShiftCreate = () => {
  const [params] = useSearchParams();
  const redirect = useRedirect();
  const translate = useTranslate();
  const defaultValues = { campaignId: params.get('campaignId') ?? undefined, role: translate('yizhan.scheduling.plan.default_role'), minVolunteers: 1, maxVolunteers: 4, requiredSkills: [] };
  return (
    <Create mutationMode="pessimistic" mutationOptions={{ onSuccess: (shift: Shift) => redirect('show', 'shifts', shift.id) }}>
      <SimpleForm defaultValues={defaultValues} sx={{ maxWidth: 960 }}>
        <ShiftInputs />
      </SimpleForm>
    </Create>
  );
};
