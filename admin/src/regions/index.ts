import type { ResourceProps } from 'react-admin';
import type { Region } from '../records';

/** Read-only GB/T 2260 divisions, referenced by regionCode inputs and filters; no pages of their own. */
export default {
  recordRepresentation: (record: Region) => `${record.name}（${record.code}）`,
} satisfies Omit<ResourceProps, 'name'>;
