/**
 * local-kms's seed format (https://github.com/nsmithuk/local-kms, README "Seeding file format")
 * → {@link SeedPlan}, so teams moving from local-kms keep their seed files:
 *
 * ```yaml
 * Keys:
 *   Symmetric:
 *     Aes:
 *       - Metadata: { KeyId: bc436485-5092-42b8-92a3-0aa8b93536dc, Description: "...", Origin: EXTERNAL }
 *         NextKeyRotation: "2019-09-12T15:19:21+00:00"   # enables rotation, next on that date
 *         BackingKeys: [<64 hex digits>, ...]            # more than one: past rotations, last current
 *   Asymmetric:
 *     Rsa: [{ Metadata: { KeyId, KeyUsage: SIGN_VERIFY|ENCRYPT_DECRYPT, Description }, PrivateKeyPem: "..." }]
 *     Ecc: [{ Metadata: { KeyId, KeyUsage: SIGN_VERIFY, Description }, PrivateKeyPem: "..." }]
 * Aliases:
 *   - { AliasName: alias/testing, TargetKeyId: bc436485-5092-42b8-92a3-0aa8b93536dc }
 * ```
 *
 * Keys land in the server's account and Region (local-kms's `KMS_ACCOUNT_ID` / `KMS_REGION`,
 * which kmsbench accepts as aliases of `--account` / `--region`). The key spec of an asymmetric
 * key comes from its PEM, as in local-kms. An `EXTERNAL` AES key takes at most one backing key;
 * without one it is PendingImport.
 *
 * @module
 */
import { aliasName, date, isObj, keyId, list, material, obj, oneOf, SeedError, str, type Obj, type SeedDefaults, type SeedKey, type SeedPlan } from './seed-plan.js';

/** Whether a parsed document is in local-kms's format (capitalised top-level members). */
export const isLocalKmsSeed = (doc: Obj): boolean => 'Keys' in doc || 'Aliases' in doc;

function metadata(entry: Obj, where: string): { keyId: string; description: string; origin: 'AWS_KMS' | 'EXTERNAL'; keyUsage?: string } {
  const m = obj(entry.Metadata, `${where}.Metadata`);
  return {
    keyId: keyId(m.KeyId, `${where}.Metadata.KeyId`),
    description: str(m.Description ?? '', `${where}.Metadata.Description`),
    origin: oneOf(m.Origin, `${where}.Metadata.Origin`, ['AWS_KMS', 'EXTERNAL'] as const, 'AWS_KMS'),
    keyUsage: str(m.KeyUsage, `${where}.Metadata.KeyUsage`, true),
  };
}

function base(scope: SeedDefaults, where: string): Pick<SeedKey, 'account' | 'region' | 'tags' | 'grants' | 'aliases' | 'where'> {
  return { account: scope.account, region: scope.region, tags: [], grants: [], aliases: [], where };
}

export function parseLocalKmsSeed(doc: Obj, scope: SeedDefaults): SeedPlan {
  if (doc.Version !== undefined && Number(doc.Version) !== 1) {
    throw new SeedError(`local-kms seed Version ${String(doc.Version)} is not supported; use the README's format (no Version) or kmsbench's own`);
  }
  const plan: SeedPlan = { format: 'local-kms', keys: [], aliases: [] };
  const keys = doc.Keys === undefined || doc.Keys === null ? {} : obj(doc.Keys, 'Keys');
  const symmetric = isObj(keys.Symmetric) ? keys.Symmetric : {};
  const asymmetric = isObj(keys.Asymmetric) ? keys.Asymmetric : {};

  list(symmetric.Aes, 'Keys.Symmetric.Aes').forEach((raw, i) => {
    const where = `Keys.Symmetric.Aes[${i}]`;
    const e = obj(raw, where);
    const m = metadata(e, where);
    const backingKeys = list(e.BackingKeys, `${where}.BackingKeys`).map((b, j) => material(b, `${where}.BackingKeys[${j}]`, 32));
    if (m.origin === 'AWS_KMS' && backingKeys.length === 0) throw new SeedError(`${where}.BackingKeys must hold one or more keys`);
    if (m.origin === 'EXTERNAL' && backingKeys.length > 1) throw new SeedError(`${where}.BackingKeys: an EXTERNAL key takes at most one`);
    const next = date(e.NextKeyRotation, `${where}.NextKeyRotation`);
    plan.keys.push({
      ...base(scope, where),
      keyId: m.keyId,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      description: m.description,
      origin: m.origin,
      state: backingKeys.length === 0 ? 'PendingImport' : 'Enabled',
      backingKeys,
      ...(next !== undefined ? { rotation: { enabled: true, periodInDays: 365, nextRotationAt: next } } : {}),
    });
  });

  for (const family of ['Rsa', 'Ecc'] as const) {
    list(asymmetric[family], `Keys.Asymmetric.${family}`).forEach((raw, i) => {
      const where = `Keys.Asymmetric.${family}[${i}]`;
      const e = obj(raw, where);
      const m = metadata(e, where);
      const usages = family === 'Rsa' ? (['SIGN_VERIFY', 'ENCRYPT_DECRYPT'] as const) : (['SIGN_VERIFY'] as const);
      plan.keys.push({
        ...base(scope, where),
        keyId: m.keyId,
        keySpec: '', // from the PEM
        keyUsage: oneOf(m.keyUsage, `${where}.Metadata.KeyUsage`, usages, 'SIGN_VERIFY'),
        description: m.description,
        origin: 'AWS_KMS',
        state: 'Enabled',
        backingKeys: [],
        privateKey: str(e.PrivateKeyPem, `${where}.PrivateKeyPem`),
      });
    });
  }

  list(doc.Aliases, 'Aliases').forEach((raw, i) => {
    const where = `Aliases[${i}]`;
    const a = obj(raw, where);
    plan.aliases.push({
      account: scope.account,
      region: scope.region,
      name: aliasName(a.AliasName, `${where}.AliasName`),
      targetKeyId: keyId(a.TargetKeyId, `${where}.TargetKeyId`),
      where,
    });
  });
  return plan;
}
