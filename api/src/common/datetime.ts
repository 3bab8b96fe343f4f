import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** Where the accepted form is specified: RFC 3339, section 5.6 (`date-time`). */
export const DATE_TIME_SPECIFIED_BY = 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6';

const EXPECTED = 'an RFC 3339 date-time with seconds and an offset, e.g. 2026-06-02T08:00:00+08:00 or 2026-06-02T00:00:00Z';
/** `2026-06-02T08:00+08:00`, `2026-06-02T08:00Z`, `2026-06-02T08:00`: a time without its seconds part. */
const NO_SECONDS = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * The one `DateTime` scalar of the schema is graphql-scalars' `DateTimeResolver`, which several resolvers import
 * directly; it is given its specification URL, a description of what it really accepts (its own says "at UTC",
 * but it accepts any offset) and an error naming the expected form for a time without seconds, in place, so
 * every import is the same scalar. Output is always UTC (`…Z`).
 */
export function configureDateTimeScalar(): void {
  if (DateTimeResolver.specifiedByURL === DATE_TIME_SPECIFIED_BY) return;
  const { parseValue, parseLiteral } = DateTimeResolver;
  DateTimeResolver.specifiedByURL = DATE_TIME_SPECIFIED_BY;
  DateTimeResolver.description =
    'An instant as an RFC 3339 `date-time` (section 5.6) with seconds and an offset: `2026-06-02T08:00:00+08:00`, `2026-06-02T00:00:00.5Z`. Any offset is accepted; a time without seconds or without an offset is refused. Returned in UTC (`…Z`).';
  DateTimeResolver.parseValue = (value: unknown) => {
    if (typeof value === 'string' && NO_SECONDS.test(value)) throw new GraphQLError(noSeconds(value), { extensions: { reason: 'DATETIME_NO_SECONDS', args: { value } } });
    return parseValue(value);
  };
  DateTimeResolver.parseLiteral = (ast: ValueNode, variables?: Record<string, unknown> | null) => {
    if (ast.kind === Kind.STRING && NO_SECONDS.test(ast.value)) throw new GraphQLError(noSeconds(ast.value), { nodes: ast, extensions: { reason: 'DATETIME_NO_SECONDS', args: { value: ast.value } } });
    return parseLiteral(ast, variables);
  };
}

function noSeconds(value: string): string {
  return `DateTime cannot represent "${value}": the seconds are missing; give ${EXPECTED}`;
}
