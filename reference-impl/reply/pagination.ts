/**
 * Opaque markers for the paginated List* operations (Limit / Marker / Truncated / NextMarker).
 *
 * @module
 */
import { InvalidMarkerException } from '../errors.js';

const PREFIX = 'kmsbench.v1:';

/** An opaque marker for "continue after `position`". */
export const encodeMarker = (position: string): string => Buffer.from(PREFIX + position, 'utf8').toString('base64url');

/**
 * The position a marker continues after, or '' without one.
 * @throws InvalidMarkerException for a marker this server did not issue.
 */
export function decodeMarker(marker: string | undefined): string {
  if (marker === undefined) return '';
  const text = Buffer.from(marker, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || encodeMarker(text.slice(PREFIX.length)) !== marker) {
    throw new InvalidMarkerException('Invalid marker');
  }
  return text.slice(PREFIX.length);
}

export const DEFAULT_LIMIT = 100;

/** One page of `items` (already sorted by `position`) after the marker. */
export function page<T>(
  items: readonly T[],
  position: (item: T) => string,
  limit: number | undefined,
  marker: string | undefined,
): { items: T[]; truncated: boolean; nextMarker?: string } {
  const after = decodeMarker(marker);
  const max = limit ?? DEFAULT_LIMIT;
  const start = after === '' ? 0 : items.findIndex((i) => position(i) > after);
  const rest = start < 0 ? [] : items.slice(start);
  const out = rest.slice(0, max);
  const truncated = rest.length > max;
  return truncated ? { items: out, truncated, nextMarker: encodeMarker(position(out[out.length - 1]!)) } : { items: out, truncated };
}
