/**
 * Isolation between accounts: with two accounts and several principals on one server (a
 * `--credentials` file), no call signed by one account can see, use, alias, tag, grant on,
 * change or delete another account's key, by any way of naming it (key id, key ARN, alias
 * name, alias ARN); list calls never show it; and the victim key is unchanged afterwards.
 * Key policies and grants are being built: for now every cross-account attempt must be refused.
 *
 * Also signatures: a replayed request with an altered body is refused, and a request re-signed
 * for another Region or service does not reach this Region's key (today a signature error;
 * once the server takes the Region from the SigV4 scope, NotFound there — both are refusals).
 *
 * @module
 */
import { join } from 'node:path';
import { send } from '../../harness/client/raw-client.js';
import { signJsonRequest } from '../../harness/client/sign.js';
import { startServe, tempDir } from '../e2e/harness.js';
import { Kms, PRINCIPALS, REGION, ROOT_CREDENTIALS, writeCredentialsFile, type PrincipalName } from './support.js';

export interface IsolationResult {
  attempts: number;
  refused: number;
  /** Attempts that succeeded (or failed with 5xx): each a finding. */
  breaches: string[];
  /** List calls that showed the other account's keys or aliases. */
  listLeaks: string[];
  victimsChanged: string[];
  /** Signature replays and re-signs: name → reply. */
  signature: Record<string, string>;
  signatureRefused: number;
  signatureTried: number;
  /** Reply codes seen for cross-account attempts. */
  codes: Record<string, number>;
}

interface Victim {
  owner: PrincipalName;
  keyId: string;
  arn: string;
  alias: string;
  aliasArn: string;
  blob: string;
}

async function makeVictim(url: string, owner: PrincipalName, tag: string): Promise<Victim> {
  const k = new Kms(url, { credentials: PRINCIPALS[owner].credentials });
  const meta = (await k.ok<{ KeyMetadata: { KeyId: string; Arn: string } }>('CreateKey', { Description: `victim of ${owner}`, Tags: [{ TagKey: 'owner', TagValue: owner }] })).KeyMetadata;
  const alias = `alias/victim-${tag}`;
  await k.ok('CreateAlias', { AliasName: alias, TargetKeyId: meta.KeyId });
  const blob = (await k.ok<{ CiphertextBlob: string }>('Encrypt', { KeyId: meta.KeyId, Plaintext: 'c2VjcmV0' })).CiphertextBlob;
  const account = PRINCIPALS[owner].account;
  return { owner, keyId: meta.KeyId, arn: meta.Arn, alias, aliasArn: `arn:aws:kms:${REGION}:${account}:${alias}`, blob };
}

/** Everything the owner sees of its key (for the unchanged check). */
async function snapshot(url: string, v: Victim): Promise<string> {
  const k = new Kms(url, { credentials: PRINCIPALS[v.owner].credentials });
  const parts = await Promise.all([
    k.ok('DescribeKey', { KeyId: v.keyId }),
    k.ok('ListResourceTags', { KeyId: v.keyId }),
    k.ok('GetKeyPolicy', { KeyId: v.keyId, PolicyName: 'default' }),
    k.ok('GetKeyRotationStatus', { KeyId: v.keyId }),
    k.ok('ListAliases', { KeyId: v.keyId }),
    k.ok('ListGrants', { KeyId: v.keyId }).catch(() => 'no grants'),
  ]);
  return JSON.stringify(parts);
}

/** Every call that names a key, with the key named as `ref` (and the victim's blob where one is needed). */
function attacksOn(ref: string, v: Victim, ownAlias: string, ownKey: string): Array<[string, Record<string, unknown>]> {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] });
  return [
    ['DescribeKey', { KeyId: ref }],
    ['Encrypt', { KeyId: ref, Plaintext: 'eA==' }],
    ['Decrypt', { CiphertextBlob: v.blob, KeyId: ref }],
    ['Decrypt', { CiphertextBlob: v.blob }],
    ['ReEncrypt', { CiphertextBlob: v.blob, DestinationKeyId: ownKey }],
    ['ReEncrypt', { CiphertextBlob: v.blob, SourceKeyId: ref, DestinationKeyId: ref }],
    ['GenerateDataKey', { KeyId: ref, KeySpec: 'AES_256' }],
    ['GenerateDataKeyWithoutPlaintext', { KeyId: ref, KeySpec: 'AES_256' }],
    ['CreateAlias', { AliasName: `${ownAlias}-${Math.random().toString(36).slice(2, 8)}`, TargetKeyId: ref }],
    ['UpdateAlias', { AliasName: ownAlias, TargetKeyId: ref }],
    ['TagResource', { KeyId: ref, Tags: [{ TagKey: 'pwned', TagValue: 'yes' }] }],
    ['UntagResource', { KeyId: ref, TagKeys: ['owner'] }],
    ['ListResourceTags', { KeyId: ref }],
    ['PutKeyPolicy', { KeyId: ref, PolicyName: 'default', Policy: policy }],
    ['GetKeyPolicy', { KeyId: ref, PolicyName: 'default' }],
    ['ListKeyPolicies', { KeyId: ref }],
    ['UpdateKeyDescription', { KeyId: ref, Description: 'pwned' }],
    ['DisableKey', { KeyId: ref }],
    ['EnableKey', { KeyId: ref }],
    ['ScheduleKeyDeletion', { KeyId: ref, PendingWindowInDays: 7 }],
    ['CancelKeyDeletion', { KeyId: ref }],
    ['EnableKeyRotation', { KeyId: ref }],
    ['DisableKeyRotation', { KeyId: ref }],
    ['GetKeyRotationStatus', { KeyId: ref }],
    ['RotateKeyOnDemand', { KeyId: ref }],
    ['ListKeyRotations', { KeyId: ref }],
    ['CreateGrant', { KeyId: ref, GranteePrincipal: 'arn:aws:iam::444455556666:root', Operations: ['Decrypt'] }],
    ['ListGrants', { KeyId: ref }],
    ['RevokeGrant', { KeyId: ref, GrantId: '0'.repeat(64) }],
    ['ListAliases', { KeyId: ref }],
  ];
}

export async function runIsolation(): Promise<IsolationResult> {
  const dir = tempDir('kmsbench-isolation-');
  const credentials = writeCredentialsFile(dir);
  const server = await startServe({ dataDir: join(dir, 'data'), workers: 2, extraArgs: ['--no-quotas', '--credentials', credentials] });
  const res: IsolationResult = { attempts: 0, refused: 0, breaches: [], listLeaks: [], victimsChanged: [], signature: {}, signatureRefused: 0, signatureTried: 0, codes: {} };
  try {
    const victims = { root: await makeVictim(server.url, 'root', 'a-root'), bob: await makeVictim(server.url, 'bob', 'b-bob') };
    const own = { alice: await makeVictim(server.url, 'alice', 'a-alice'), carol: await makeVictim(server.url, 'carol', 'b-carol') };
    const before = { root: await snapshot(server.url, victims.root), bob: await snapshot(server.url, victims.bob) };
    // Attackers of the other account: bob and carol against the root's key; alice against bob's.
    const pairs: Array<[PrincipalName, Victim, Victim]> = [
      ['bob', victims.root, own.carol],
      ['carol', victims.root, own.carol],
      ['alice', victims.bob, own.alice],
    ];
    for (const [attacker, victim, mine] of pairs) {
      const k = new Kms(server.url, { credentials: PRINCIPALS[attacker].credentials });
      const ownAlias = mine.owner === attacker ? mine.alias : `alias/own-${attacker}`;
      if (mine.owner !== attacker) await k.ok('CreateAlias', { AliasName: ownAlias, TargetKeyId: (await k.ok<{ KeyMetadata: { KeyId: string } }>('CreateKey', {})).KeyMetadata.KeyId });
      const ownKey = mine.owner === attacker ? mine.keyId : (await k.ok<{ KeyMetadata: { KeyId: string } }>('DescribeKey', { KeyId: ownAlias })).KeyMetadata.KeyId;
      for (const ref of [victim.keyId, victim.arn, victim.alias, victim.aliasArn]) {
        for (const [op, body] of attacksOn(ref, victim, ownAlias, ownKey)) {
          const r = await k.call(op, body);
          res.attempts++;
          const code = `${op}: ${r.status} ${r.errorCode ?? ''}`.trim();
          res.codes[`${r.status} ${r.errorCode ?? ''}`.trim()] = (res.codes[`${r.status} ${r.errorCode ?? ''}`.trim()] ?? 0) + 1;
          // ListAliases filtered by a foreign key must not list anything of it.
          const listed = op === 'ListAliases' && r.status === 200 && JSON.stringify(r.json).includes(victim.keyId);
          if (r.status >= 400 && r.status < 500) res.refused++;
          else if (op === 'ListAliases' && r.status === 200 && !listed) res.refused++;
          else res.breaches.push(`${attacker} → ${victim.owner}'s key as ${ref}: ${code}`);
        }
      }
      const keys = JSON.stringify(await k.ok('ListKeys', { Limit: 1000 }));
      const aliases = JSON.stringify(await k.ok('ListAliases', { Limit: 100 }));
      if (keys.includes(victim.keyId)) res.listLeaks.push(`${attacker}'s ListKeys shows ${victim.owner}'s key`);
      if (aliases.includes(victim.keyId) || aliases.includes(victim.alias)) res.listLeaks.push(`${attacker}'s ListAliases shows ${victim.owner}'s alias`);
    }
    for (const name of ['root', 'bob'] as const) {
      if ((await snapshot(server.url, victims[name])) !== before[name]) res.victimsChanged.push(`${name}'s key changed`);
    }
    await signatureChecks(server.url, victims.root, res);
  } finally {
    await server.destroy();
  }
  return res;
}

async function signatureChecks(url: string, v: Victim, res: IsolationResult): Promise<void> {
  const body = JSON.stringify({ KeyId: v.keyId, Plaintext: 'cmVwbGF5' });
  const signed = await signJsonRequest({ endpoint: url, region: REGION, credentials: ROOT_CREDENTIALS, target: 'TrentService.Encrypt', body });
  const record = (name: string, r: { status: number; errorCode?: string }, refusedIf = (s: number) => s >= 400 && s < 500) => {
    res.signatureTried++;
    res.signature[name] = `${r.status} ${r.errorCode ?? ''}`.trim();
    if (refusedIf(r.status)) res.signatureRefused++;
  };
  const original = await send(signed.url, signed);
  // A replay of the unaltered request within the signature's lifetime is allowed (as in AWS).
  record('replay, unaltered (allowed)', original, (s) => s === 200);
  const altered = [
    ['replay, body with another key', body.replace(v.keyId, v.keyId.replace(/.$/, (c) => (c === '0' ? '1' : '0')))],
    ['replay, body with other plaintext', body.replace('cmVwbGF5', 'cmVwbGF6')],
    ['replay, body with a member added', body.replace('}', ',"EncryptionContext":{"a":"b"}}')],
  ] as const;
  for (const [name, b] of altered) record(name, await send(signed.url, { ...signed, body: b }));
  for (const [name, region, service] of [
    ['re-signed for eu-west-1', 'eu-west-1', 'kms'],
    ['re-signed for service s3', REGION, 's3'],
    ['re-signed for service sts', REGION, 'sts'],
  ] as const) {
    const s = await signJsonRequest({ endpoint: url, region, service, credentials: ROOT_CREDENTIALS, target: 'TrentService.Encrypt', body });
    record(name, await send(s.url, s));
  }
}
