/**
 * Pre-serialised JSON for hot responses.
 *
 * `JSON.stringify` scans every string for characters to escape; for a 1.4 KB base64 blob that
 * is most of the cost of an Encrypt reply. {@link jsonObject} writes blobs (base64 from a
 * Buffer, which can never need escaping) without scanning them, and checks every other string;
 * the pipeline sends the resulting {@link JsonText} as is. Handlers (ops/) write replies with it
 * and the pipeline (protocol/) sends them, so it sits below both.
 *
 * @module
 */

export class JsonText {
  constructor(readonly text: string) {}
}

/** A blob member: base64 of bytes, written without escaping (its alphabet needs none). */
export class Blob64 {
  readonly text: string;
  constructor(bytes: Buffer) {
    this.text = bytes.toString('base64');
  }
}

export type JsonMember = string | number | boolean | Blob64 | undefined;

const PLAIN = /^[\x20-\x7e]*$/;
const NEEDS_ESCAPE = /["\\]/;

function stringLiteral(v: string): string {
  return v.length <= 512 && PLAIN.test(v) && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v);
}

/** `{"name":value,...}` with the members in the given order; undefined members are left out. */
export function jsonObject(members: Record<string, JsonMember>): JsonText {
  let text = '{';
  for (const name in members) {
    const v = members[name];
    if (v === undefined) continue;
    if (text.length > 1) text += ',';
    text += `"${name}":`;
    if (v instanceof Blob64) text += `"${v.text}"`;
    else if (typeof v === 'string') text += stringLiteral(v);
    else text += JSON.stringify(v);
  }
  return new JsonText(text + '}');
}
