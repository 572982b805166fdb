/**
 * The credentials a run signs with. The embedded server takes its built-in `test`/`test`. Any
 * other endpoint: the credentials the command was given; else the SDK's default chain when there
 * is something for it to find (the standard AWS environment variables, a profile or config file)
 * or the target is AWS; else `test`/`test`, what emulators accept.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { DEFAULT_CREDENTIALS } from '../../common/default-identity.js';
import type { Credentials } from '../client/sign.js';
import { TargetError } from './errors.js';

export { DEFAULT_CREDENTIALS };

/** The standard AWS environment variables, else `test`/`test` (no profile lookup). */
export function envCredentials(env = process.env): Credentials {
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? DEFAULT_CREDENTIALS.accessKeyId,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? DEFAULT_CREDENTIALS.secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}

/** Whether the SDK's default chain should supply the credentials of a non-embedded endpoint. */
export function useDefaultChain(isAws: boolean, env = process.env): boolean {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return true;
  if (isAws) return true;
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  const configFile = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  return Boolean(env.AWS_PROFILE) || existsSync(credentialsFile) || existsSync(configFile);
}

/** The credentials the SDK's default chain finds (as a KMS client in `region` would), from `profile` when given. */
export async function defaultChainCredentials(region: string, profile?: string): Promise<Credentials> {
  const kms = new KMSClient({ region, ...(profile !== undefined ? { profile } : {}) });
  try {
    const c = await kms.config.credentials();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) };
  } catch (e) {
    throw new TargetError(`no AWS credentials${profile !== undefined ? ` for profile ${profile}` : ''}: ${(e as Error).message}`);
  } finally {
    kms.destroy();
  }
}
