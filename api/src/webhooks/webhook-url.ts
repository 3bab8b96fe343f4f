import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { BadInputError } from '../common/errors';

/** Why an address may not receive webhooks, or null when it may (a public unicast address). */
export function blockedAddressReason(address: string, allowLoopback: boolean): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address); // ::ffff:10.0.0.1 is 10.0.0.1
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && allowLoopback) return null;
  return `${ip.toString()} is a ${range} address; webhooks go to public addresses only`;
}

/** Host names that mean this machine whatever DNS says (RFC 6761). */
function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * The rule for a webhook URL (SSRF: a webhook must not make the server call into its own network): `https:`
 * with a host name or a public IP address, no user name or password, at most 2000 characters; with `allowLocalHttp`
 * (WEBHOOK_ALLOW_HTTP_LOCALHOST, tests and development) also `http:`/`https:` to localhost, 127.0.0.0/8 or [::1].
 * A host name must resolve, and every address it resolves to must be allowed; the same check runs again on each
 * delivery's connection (`guardedLookup`), so a name that later resolves elsewhere is refused then.
 * Throws BadInputError naming `field`; returns the URL in its normalised form.
 */
export async function assertWebhookUrl(value: string, allowLocalHttp: boolean, field: string): Promise<string> {
  let url: URL;
  if (value.length > 2000) throw new BadInputError(field, 'at most 2000 characters', 'TOO_LONG', { max: 2000, length: value.length });
  try {
    url = new URL(value);
  } catch {
    throw new BadInputError(field, 'not an absolute URL (https://…)', 'URL_INVALID');
  }
  if (url.username || url.password) throw new BadInputError(field, 'must not contain a user name or password', 'URL_HAS_CREDENTIALS');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = net.isIP(host) !== 0;
  const local = isLocalhostName(host) || (literal && ipaddr.process(host).range() === 'loopback');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowLocalHttp && local)) {
    throw new BadInputError(field, allowLocalHttp ? 'must be https:// (or http:// to localhost)' : 'must be https://', 'URL_NOT_HTTPS');
  }
  if (local) {
    if (!allowLocalHttp) throw new BadInputError(field, `${host} is this machine; webhooks go to public addresses only`, 'URL_NOT_PUBLIC', { host });
    return url.toString();
  }
  const addresses = literal ? [host] : await resolveAll(host, field);
  for (const a of addresses) {
    const reason = blockedAddressReason(a, false);
    if (reason) throw new BadInputError(field, reason, 'URL_NOT_PUBLIC', { host: a });
  }
  return url.toString();
}

async function resolveAll(host: string, field: string): Promise<string[]> {
  try {
    return (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch (e) {
    throw new BadInputError(field, `host ${host} does not resolve (${(e as NodeJS.ErrnoException).code ?? 'lookup failed'})`, 'HOST_UNRESOLVED', { host });
  }
}

/**
 * A `lookup` for http(s).request that refuses to connect to an address `blockedAddressReason` refuses (with
 * `allowLoopback`, loopback is allowed), checked on the address actually connected to: DNS rebinding after
 * registration cannot reach an internal service.
 */
export function guardedLookup(allowLoopback: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      for (const a of list) {
        const reason = blockedAddressReason(a.address, allowLoopback);
        if (reason) return callback(Object.assign(new Error(`blocked: ${reason}`), { code: 'EBLOCKED' }), '', 0);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
