import { ACTION, defineResource } from '../common/graphqlProvider';
import type { ShiftAssignment, TeamAssignmentResult } from '../records';

export const ASSIGNMENT_CORE = `id status seq checkedInAt checkedOutAt hoursCredited volunteer { id name phone } createdAt updatedAt version`;

const ASSIGNMENT_FIELDS = `${ASSIGNMENT_CORE}
  shift { id startsAt endsAt role station { id name } campaign { id name timezone } }`;

const assignmentRecord = (a: any): ShiftAssignment => ({ ...a, shiftId: a.shift?.id, volunteerId: a.volunteer?.id });

export type AssignmentAction = 'cancel' | 'checkIn' | 'checkOut' | 'confirm' | 'noShow' | 'approveHours';

const ASSIGNMENT_MUTATIONS: Record<AssignmentAction, string> = {
  cancel: 'mutation ($id: ID!) { record: cancelShiftAssignment(id: $id) { FIELDS } }',
  checkIn: 'mutation ($id: ID!) { record: checkIn(assignmentId: $id) { FIELDS } }',
  checkOut: 'mutation ($id: ID!) { record: checkOut(assignmentId: $id) { FIELDS } }',
  confirm: 'mutation ($id: ID!) { record: confirmShiftAssignment(id: $id) { FIELDS } }',
  noShow: 'mutation ($id: ID!) { record: markNoShow(id: $id) { FIELDS } }',
  approveHours: 'mutation ($id: ID!, $hours: Float!) { record: approveHours(id: $id, hours: $hours) { FIELDS } }',
};

/** Sign-ups in arrival order; made from the campaign calendar (signUpForShift), changed by their own mutations. */
export const shiftAssignmentsProvider = defineResource({
  name: 'shiftAssignments',
  crud: {
    one: '',
    list: 'shiftAssignments',
    filterType: 'ShiftAssignmentFilter',
    idsFilter: 'ids',
    orderType: 'ShiftAssignmentOrder',
    orderFields: { seq: 'SEQ', 'shift.startsAt': 'SHIFT_STARTS_AT', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    fields: ASSIGNMENT_FIELDS,
    // The list's one-status choice is the API's `statuses`.
    toFilter: ({ status, ...filter }) => ({ ...filter, ...(status ? { statuses: [status] } : {}) }),
    toRecord: assignmentRecord,
  },
  methods: (api) => ({
    /** Signs a volunteer up; a full shift waitlists (status WAITLISTED). */
    signUpForShift: (shiftId: string, volunteerId: string, allowWaitlist = true): Promise<ShiftAssignment> =>
      api
        .request<{ record: any }>(
          `mutation ($shiftId: ID!, $volunteerId: ID!, $allowWaitlist: Boolean!) {
            record: signUpForShift(shiftId: $shiftId, volunteerId: $volunteerId, allowWaitlist: $allowWaitlist) { ${ASSIGNMENT_FIELDS} }
          }`,
          { shiftId, volunteerId, allowWaitlist },
          ACTION,
        )
        .then((d) => assignmentRecord(d.record)),
    /** Assignment transitions: cancel, check in/out (now), confirm, no-show, approve hours. */
    assignmentAction: (action: AssignmentAction, id: string, hours?: number): Promise<ShiftAssignment> =>
      api
        .request<{ record: any }>(ASSIGNMENT_MUTATIONS[action].replace('FIELDS', ASSIGNMENT_FIELDS), action === 'approveHours' ? { id, hours } : { id }, ACTION)
        .then((d) => assignmentRecord(d.record)),
    /** Signs every member of a team up for every shift, all or nothing; `dryRun` only checks. */
    assignTeamToShifts: (teamId: string, shiftIds: string[], dryRun: boolean): Promise<TeamAssignmentResult> =>
      api
        .request<{ result: any }>(
          `mutation ($teamId: ID!, $shiftIds: [ID!]!, $dryRun: Boolean!) {
            result: assignTeamToShifts(teamId: $teamId, shiftIds: $shiftIds, dryRun: $dryRun) {
              ok conflicts { shiftId volunteerId reason } assignments { id status shift { id } volunteer { id } }
            }
          }`,
          { teamId, shiftIds, dryRun },
          ACTION,
        )
        .then(({ result }) => ({
          ok: result.ok,
          conflicts: result.conflicts,
          assignments: result.assignments.map((a: any) => ({ id: a.id, status: a.status, shiftId: a.shift.id, volunteerId: a.volunteer.id })),
        })),
  }),
});
