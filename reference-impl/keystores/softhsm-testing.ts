/**
 * For tests: a throw-away SoftHSM2 token directory for this process, and tokens in it.
 *
 * SoftHSM2 reads `SOFTHSM2_CONF` once (at C_Initialize), so the directory is made once per
 * process, before the module is opened; later tokens are initialised through the open module.
 * {@link softHsm} says why it cannot run (no pkcs11js, no libsofthsm2) instead of failing.
 *
 * @module
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRUST_ANCHOR_LABEL } from './backends/cloudhsm-pkcs11.js';
import { openPkcs11, pkcs11Availability, SOFTHSM2_LIBRARY, type Pkcs11Module } from './backends/pkcs11.js';

export interface SoftHsm {
  readonly module: Pkcs11Module;
  /** Initialises a token; `trustAnchor` stores a `customerCA.crt` data object in it. */
  createToken(label: string, userPin: string, opts?: { soPin?: string; trustAnchor?: string }): void;
}

let cached: SoftHsm | { skip: string } | undefined;

export function softHsm(): SoftHsm | { skip: string } {
  if (cached) return cached;
  const available = pkcs11Availability(SOFTHSM2_LIBRARY);
  if (!available.ok) return (cached = { skip: available.reason });
  const dir = mkdtempSync(join(tmpdir(), 'kmsbench-softhsm-'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${dir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const module = openPkcs11(SOFTHSM2_LIBRARY);
  cached = {
    module,
    createToken(label, userPin, opts = {}) {
      module.initToken(label, opts.soPin ?? 'so-pin-1234', userPin);
      if (opts.trustAnchor !== undefined) {
        const s = module.login(label, userPin);
        try {
          s.writeData(TRUST_ANCHOR_LABEL, Buffer.from(opts.trustAnchor, 'utf8'));
        } finally {
          s.close();
        }
      }
    },
  };
  return cached;
}
