/**
 * IPv4/IPv6 addresses and CIDR ranges for the IpAddress / NotIpAddress condition operators.
 *
 * "The value must be in the standard CIDR format (for example, 203.0.113.0/24 or
 * 2001:DB8:1234:5678::/64). If you specify an IP address without the associated routing
 * prefix, IAM uses the default prefix value of /32."
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 * (For an IPv6 address without a prefix we use /128: the whole address, which is what /32
 * means for IPv4.)
 *
 * @module
 */

export interface ParsedIp {
  readonly v6: boolean;
  readonly value: bigint;
}

export interface Cidr extends ParsedIp {
  readonly prefix: number;
}

function parseV4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out = (out << 8n) | BigInt(n);
  }
  return out;
}

function parseV6(s: string): bigint | null {
  let text = s;
  let tail: bigint | null = null;
  // An embedded IPv4 address in the last 32 bits (e.g. ::ffff:192.0.2.1).
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail = parseV4(text.slice(lastColon + 1));
    if (tail === null) return null;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const rest = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== null) out = (out & ~0xffffffffn) | tail;
  return out;
}

/** Parses a bare IPv4 or IPv6 address; null when it is neither. */
export function parseIp(s: string): ParsedIp | null {
  if (s.includes(':')) {
    const value = parseV6(s);
    return value === null ? null : { v6: true, value };
  }
  const value = parseV4(s);
  return value === null ? null : { v6: false, value };
}

/** Parses `addr` or `addr/prefix`; null when malformed. */
export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf('/');
  const ip = parseIp(slash < 0 ? s : s.slice(0, slash));
  if (ip === null) return null;
  const max = ip.v6 ? 128 : 32;
  if (slash < 0) return { ...ip, prefix: max };
  const p = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(p) || Number(p) > max) return null;
  return { ...ip, prefix: Number(p) };
}

/** Whether `ip` lies inside `cidr` (different address families never match). */
export function cidrContains(cidr: Cidr, ip: ParsedIp): boolean {
  if (cidr.v6 !== ip.v6) return false;
  const bits = BigInt((cidr.v6 ? 128 : 32) - cidr.prefix);
  return ip.value >> bits === cidr.value >> bits;
}
