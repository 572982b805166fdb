/**
 * The four ways a request names a KMS key: key id, key ARN, alias name, alias ARN.
 * Pure parsing; resolution against the store lives in the keyring.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

export type KeyRef =
  | { kind: 'keyId'; keyId: string }
  | { kind: 'keyArn'; region: string; account: string; keyId: string }
  | { kind: 'aliasName'; aliasName: string }
  | { kind: 'aliasArn'; region: string; account: string; aliasName: string }
  | { kind: 'invalid'; text: string };

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
/** A key id: a UUID in lower case, or `mrk-` and 32 hex digits (multi-Region keys). */
export const isKeyId = (text: string): boolean => KEY_ID.test(text);

/** A new key id: a random (version 4) UUID, or `mrk-` and one's 32 hex digits for a multi-Region key. */
export const newKeyId = (multiRegion: boolean): string => (multiRegion ? `mrk-${randomUUID().replaceAll('-', '')}` : randomUUID());
const GENERATED_KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|mrk-[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15})$/i;
/**
 * Whether {@link newKeyId} could have made `keyId`: bytes that only look like a ciphertext blob
 * name such an id 1 time in 64 (ops/envelope.ts). Ids given by seeds or `_custom_id_` tags may
 * fail it; only ids of keys that are not found are judged by it.
 */
export const isGeneratedKeyId = (keyId: string): boolean => GENERATED_KEY_ID.test(keyId);
const ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(key\/.+|alias\/.+)$/;

export function parseKeyRef(text: string): KeyRef {
  if (text.startsWith('alias/')) return { kind: 'aliasName', aliasName: text };
  if (text.startsWith('arn:')) {
    const m = ARN.exec(text);
    if (!m) return { kind: 'invalid', text };
    const [, region, account, resource] = m as unknown as [string, string, string, string];
    if (resource.startsWith('alias/')) return { kind: 'aliasArn', region, account, aliasName: resource };
    const keyId = resource.slice('key/'.length);
    return KEY_ID.test(keyId) ? { kind: 'keyArn', region, account, keyId } : { kind: 'invalid', text };
  }
  return KEY_ID.test(text) ? { kind: 'keyId', keyId: text } : { kind: 'invalid', text };
}
