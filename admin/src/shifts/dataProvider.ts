import { ACTION, defineResource } from '../common/graphqlProvider';
import type { CampaignFillRate, HoursTotal, Shift, ShiftPatternInput, ShiftPlan } from '../records';
import { ASSIGNMENT_CORE } from '../shiftAssignments/dataProvider';

export const SHIFT_CORE = `id startsAt endsAt role minVolunteers maxVolunteers capacity filledCount waitlistCount requiredSkills notes
  station { id name } createdAt updatedAt version`;

const SHIFT_FIELDS = `${SHIFT_CORE} campaign { id name timezone status }`;

const shiftRecord = (s: any): Shift => ({
  ...s,
  stationId: s.station?.id,
  campaignId: s.campaign?.id,
  ...(s.assignments ? { assignments: s.assignments.map((a: any) => ({ ...a, volunteerId: a.volunteer?.id })) } : {}),
});

/** The shifts of one campaign by start (the list shows none until a campaign is chosen). */
export const shiftsProvider = defineResource({
  name: 'shifts',
  crud: {
    one: 'shift',
    list: 'shifts',
    filterType: 'ShiftFilter',
    idsFilter: 'ids',
    orderType: 'ShiftOrder',
    orderFields: { startsAt: 'STARTS_AT', endsAt: 'ENDS_AT', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    requiredFilter: 'campaignId',
    fields: SHIFT_FIELDS,
    detailFields: `${SHIFT_CORE} campaign { id name timezone status teams { id name } } assignments { ${ASSIGNMENT_CORE} }`,
    create: { mutation: 'createShift', input: 'ShiftInput' },
    update: { mutation: 'updateShift', input: 'ShiftInput' },
    remove: 'deleteShift',
    toRecord: shiftRecord,
  },
  methods: (api) => ({
    /** ADMIN, COORDINATOR: every shift with its fill state (understaffed first) and per-point coverage by day. */
    getCampaignFillRate: (campaignId: string): Promise<CampaignFillRate> =>
      api
        .request<{ fill: CampaignFillRate }>(
          `query ($campaignId: ID!) {
            fill: campaignFillRate(campaignId: $campaignId) {
              shifts { shift { ${SHIFT_CORE} } stationName filled capacity minimum isNight understaffed }
              coverage { stationId stationName date shifts filled capacity minimum understaffedShifts }
              totalFilled totalCapacity
            }
          }`,
          { campaignId },
        )
        .then((d) => ({ ...d.fill, shifts: d.fill.shifts.map((f) => ({ ...f, shift: { ...f.shift, stationId: f.shift.station.id } })) })),
    /** Expands a daily pattern into shifts; `save: false` previews. */
    planShifts: (input: ShiftPatternInput, save: boolean): Promise<ShiftPlan> =>
      api
        .request<{ plan: ShiftPlan }>(
          `mutation ($input: ShiftPatternInput!, $save: Boolean!) {
            plan: planShifts(input: $input, save: $save) { shifts { stationId startsAt endsAt role minVolunteers maxVolunteers existing } created }
          }`,
          { input, save },
          ACTION,
        )
        .then((d) => d.plan),
    /** The 优秀志愿者 list: hours per volunteer, most first. */
    volunteerHours: ({ campaignId, teamId, limit = 50 }: { campaignId?: string; teamId?: string; limit?: number }): Promise<HoursTotal[]> =>
      api
        .request<{ rows: HoursTotal[] }>(
          `query ($campaignId: ID, $teamId: ID, $limit: Int!) { rows: volunteerHours(campaignId: $campaignId, teamId: $teamId, limit: $limit) { id name hours completedShifts } }`,
          { campaignId: campaignId ?? null, teamId: teamId ?? null, limit },
        )
        .then((d) => d.rows),
    /** Hours per team, most first. */
    teamHours: (campaignId?: string): Promise<HoursTotal[]> =>
      api
        .request<{ rows: HoursTotal[] }>(`query ($campaignId: ID) { rows: teamHours(campaignId: $campaignId) { id name hours completedShifts } }`, { campaignId: campaignId ?? null })
        .then((d) => d.rows),
  }),
});
