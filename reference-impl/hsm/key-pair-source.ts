/**
 * Where a server gets its asymmetric key pairs (CreateKey of an RSA key, GenerateDataKeyPair,
 * GetParametersForImport's wrapping keys).
 *
 * - {@link FRESH_KEY_PAIRS}, every server's default: a newly generated pair each time (RSA on
 *   libuv's thread pool), as in production.
 * - {@link TEST_KEY_PAIR_POOL}, for servers that tests start in-process (server option
 *   `keyPairs: 'test-pool'`): pairs are generated once per process and per KeySpec, and each
 *   server draws them in order with a cursor of its own. Within one server every pair is
 *   distinct (no pair is handed out twice); a later server gets the very pairs an earlier one
 *   got. An RSA_4096 pair costs seconds of CPU, and a test that runs the conformance suite once
 *   per deliberate fault would otherwise make the same ~120 RSA pairs twenty times over. Never
 *   for a server whose keys anybody keeps: another server of the process holds the same private
 *   keys.
 *
 * Every pair handed out is the caller's own copy (callers zero private keys after use).
 *
 * @module
 */
import type { KeySpec } from '../../common/model/schemas.js';
import { OnFirstUse } from '../../common/on-first-use.js';
import type { AsymmetricKeyPair } from './asymmetric-keys.js';

/** The key-pair generators, loaded with the first pair anybody asks for, not with the server (test/e2e/startup-modules.test.ts). */
export const keyPairGenerators = new OnFirstUse(() => import('./asymmetric-keys.js'));
const generateFresh = (keySpec: KeySpec): Promise<AsymmetricKeyPair> => keyPairGenerators.load().then((m) => m.generateAsymmetricKeyPairAsync(keySpec));

/** Hands out key pairs. */
export interface KeyPairSource {
  /**
   * A key pair of an asymmetric `keySpec`, the caller's to keep or zero.
   * @throws (rejects) UnsupportedOperationException for SM2 and ML-DSA, as {@link asymmetricSpec}.
   */
  next(keySpec: KeySpec): Promise<AsymmetricKeyPair>;
}

/** What a server is configured with: fresh pairs (default), or draws on the test pool. */
export type KeyPairMode = 'fresh' | 'test-pool';

/** A fresh pair each time (production). */
export const FRESH_KEY_PAIRS: KeyPairSource = { next: generateFresh };

const copyOf = (pair: AsymmetricKeyPair): AsymmetricKeyPair => ({ privateKey: Buffer.from(pair.privateKey), publicKey: Buffer.from(pair.publicKey) });

/**
 * Pairs generated once per KeySpec and handed to every cursor in the same order. A pair is
 * generated when a cursor first reaches it; cursors that reach it later wait for or reuse it.
 */
export class KeyPairPool {
  private readonly pairs = new Map<KeySpec, (Promise<AsymmetricKeyPair> | undefined)[]>();

  constructor(private readonly generate: (keySpec: KeySpec) => Promise<AsymmetricKeyPair> = generateFresh) {}

  /** How many pairs of `keySpec` have been generated or are being generated. */
  size(keySpec: KeySpec): number {
    return (this.pairs.get(keySpec) ?? []).filter((p) => p !== undefined).length;
  }

  /** A source for one server: it draws pair 0, 1, 2, … of each spec, each once. */
  cursor(): KeyPairSource {
    const drawn = new Map<KeySpec, number>();
    return {
      next: async (keySpec) => {
        (await keyPairGenerators.load()).asymmetricSpec(keySpec); // refusals (SM2, ML-DSA, a symmetric spec) are not pooled
        const index = drawn.get(keySpec) ?? 0;
        drawn.set(keySpec, index + 1);
        return copyOf(await this.pair(keySpec, index));
      },
    };
  }

  private pair(keySpec: KeySpec, index: number): Promise<AsymmetricKeyPair> {
    let list = this.pairs.get(keySpec);
    if (!list) this.pairs.set(keySpec, (list = []));
    let made = list[index];
    if (!made) {
      const generating = this.generate(keySpec);
      list[index] = made = generating;
      // A failed generation is not kept: the next cursor to reach this index tries again.
      generating.catch(() => {
        if (list[index] === generating) list[index] = undefined;
      });
    }
    return made;
  }
}

/** The process-wide pool of servers started with `keyPairs: 'test-pool'`. */
export const TEST_KEY_PAIR_POOL = new KeyPairPool();

/** The source a new server draws from. */
export const keyPairSourceFor = (mode: KeyPairMode): KeyPairSource => (mode === 'test-pool' ? TEST_KEY_PAIR_POOL.cursor() : FRESH_KEY_PAIRS);
