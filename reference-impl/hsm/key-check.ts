/**
 * Keys derived from the master key for checking, never for sealing:
 *
 * - the key check value: HMAC-SHA256 under HKDF(master, `kmsbench/hsm/key-check/v1`) of a fixed
 *   label, stored in the store's meta on first start and compared on every start, so a replaced,
 *   wrong or foreign master key is refused before a request is served (it reveals nothing about
 *   the master key: a one-way function of it under its own derived key);
 * - the row MAC key, HKDF(master, `kmsbench/store/row-mac/v1`): the store tags each key record
 *   and alias row with an HMAC under it (store/row-mac.ts), so a changed row is never served.
 *
 * @module
 */
import { createHmac } from 'node:crypto';
import { MASTER_KEY_LENGTH } from './master-key.js';
import { deriveSubkey } from './sealing.js';

const KEY_CHECK_INFO = 'kmsbench/hsm/key-check/v1';
const ROW_MAC_INFO = 'kmsbench/store/row-mac/v1';

function derive(master: Buffer, info: string): Buffer {
  if (master.length !== MASTER_KEY_LENGTH) throw new RangeError('master key is not 32 bytes');
  return deriveSubkey(master, Buffer.from(info, 'utf8'));
}

/** The master key's check value (`v1:` and 64 hex digits). */
export function keyCheckValue(master: Buffer): string {
  const k = derive(master, KEY_CHECK_INFO);
  try {
    return `v1:${createHmac('sha256', k).update(KEY_CHECK_INFO).digest('hex')}`;
  } finally {
    k.fill(0);
  }
}

/** The key the store tags its rows with. */
export function rowMacKey(master: Buffer): Buffer {
  return derive(master, ROW_MAC_INFO);
}
