/**
 * A shift's role as people read it: the API's fallback `VOLUNTEER` (a role left empty) as the translated word
 * 志愿者 / Volunteer; any other role is free text and shown as entered (白班, 夜班, 医疗…).
 */
export const roleLabel = (role: string | null | undefined, translate: (key: string, options?: object) => string): string =>
  !role || role === 'VOLUNTEER' ? translate('yizhan.scheduling.plan.default_role') : role;
