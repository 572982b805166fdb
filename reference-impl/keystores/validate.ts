/**
 * Request rules for CreateCustomKeyStore / UpdateCustomKeyStore beyond the service model.
 *
 * The model's own constraints (lengths, patterns, enums: XksProxyUriEndpoint `^https://[a-zA-Z0-9.-]+$`
 * 10..128, XksProxyUriPath `[/prefix]/kms/xks/v1` 10..128, AccessKeyId `[A-Z2-7]` 20..30,
 * RawSecretAccessKey `[a-zA-Z0-9/+=]` 43..64, KeyStorePassword 7..32, CloudHsmClusterId
 * `cluster-[2-7a-zA-Z]{11,16}`) are checked at the protocol edge by reference-impl/validate
 * (`validateRequest`), in AWS's Coral wording and without echoing sensitive values; this module
 * assumes they hold. What it adds, per CustomKeyStoreType (API reference,
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html):
 * - CustomKeyStoreType defaults to AWS_CLOUDHSM.
 * - AWS_CLOUDHSM: CloudHsmClusterId, TrustAnchorCertificate and KeyStorePassword are required.
 * - EXTERNAL_KEY_STORE: XksProxyConnectivity, XksProxyAuthenticationCredential,
 *   XksProxyUriEndpoint and XksProxyUriPath are required; with VPC_ENDPOINT_SERVICE also
 *   XksProxyVpcEndpointServiceName; XksProxyVpcEndpointServiceOwner is optional (defaults to the
 *   caller's account).
 * - UpdateCustomKeyStore: the CloudHSM parameters are "valid only for custom key stores with a
 *   CustomKeyStoreType of AWS_CLOUDHSM", the Xks* ones only for EXTERNAL_KEY_STORE; switching
 *   connectivity to PUBLIC_ENDPOINT takes "a null or empty string for the
 *   XksProxyVpcEndpointServiceName value"; a new credential needs both parts.
 * Parameters of the other type are refused with ValidationException (INFERRED: the API reference
 * says they are "valid only" for one type but records no answer; messages.ts).
 *
 * @module
 */
import { ValidationException } from '../errors.js';
import { cksMsg } from './messages.js';
import type { CloudHsmSettings, CustomKeyStoreType, XksProxyConnectivity, XksProxySettings } from './model.js';
import type { UpdateChanges } from './state-machine.js';

export interface XksCredentialInput {
  readonly AccessKeyId?: string;
  readonly RawSecretAccessKey?: string;
}

/** The parameters CreateCustomKeyStore and UpdateCustomKeyStore both take. */
interface SharedKeyStoreParams {
  readonly CloudHsmClusterId?: string;
  readonly KeyStorePassword?: string;
  readonly XksProxyUriEndpoint?: string;
  readonly XksProxyUriPath?: string;
  readonly XksProxyVpcEndpointServiceName?: string;
  readonly XksProxyVpcEndpointServiceOwner?: string;
  readonly XksProxyAuthenticationCredential?: XksCredentialInput;
  readonly XksProxyConnectivity?: string;
}

/** CreateCustomKeyStore's input after model validation. */
export interface CreateCustomKeyStoreInput extends SharedKeyStoreParams {
  readonly CustomKeyStoreName: string;
  readonly TrustAnchorCertificate?: string;
  readonly CustomKeyStoreType?: string;
}

/** UpdateCustomKeyStore's input after model validation. */
export interface UpdateCustomKeyStoreInput extends SharedKeyStoreParams {
  readonly CustomKeyStoreId: string;
  readonly NewCustomKeyStoreName?: string;
}

const CLOUDHSM_PARAMS = ['CloudHsmClusterId', 'TrustAnchorCertificate', 'KeyStorePassword'] as const;
const XKS_PARAMS = [
  'XksProxyConnectivity',
  'XksProxyUriEndpoint',
  'XksProxyUriPath',
  'XksProxyVpcEndpointServiceName',
  'XksProxyVpcEndpointServiceOwner',
  'XksProxyAuthenticationCredential',
] as const;

const present = (v: unknown): boolean => v !== undefined;

function forbid(input: object, params: readonly string[], type: CustomKeyStoreType): void {
  for (const p of params) if (present((input as Record<string, unknown>)[p])) throw new ValidationException(cksMsg.notValidFor(p, type));
}

function need<T>(value: T | undefined, param: string, type: CustomKeyStoreType): T {
  if (value === undefined) throw new ValidationException(cksMsg.required(param, type));
  return value;
}

function credential(c: XksCredentialInput): { accessKeyId: string; rawSecretAccessKey: string } {
  if (c.AccessKeyId === undefined || c.RawSecretAccessKey === undefined) throw new ValidationException(cksMsg.credentialBoth);
  return { accessKeyId: c.AccessKeyId, rawSecretAccessKey: c.RawSecretAccessKey };
}

/** What a new store is made of. `callerAccount` is the default VPC endpoint service owner. */
export interface NewStoreSettings {
  readonly type: CustomKeyStoreType;
  readonly cloudHsm?: CloudHsmSettings;
  readonly xks?: XksProxySettings;
}

export function parseCreate(input: CreateCustomKeyStoreInput, callerAccount: string): NewStoreSettings {
  const type = (input.CustomKeyStoreType ?? 'AWS_CLOUDHSM') as CustomKeyStoreType;
  if (type === 'AWS_CLOUDHSM') {
    forbid(input, XKS_PARAMS, type);
    return {
      type,
      cloudHsm: {
        clusterId: need(input.CloudHsmClusterId, 'CloudHsmClusterId', type),
        trustAnchorCertificate: need(input.TrustAnchorCertificate, 'TrustAnchorCertificate', type),
        keyStorePassword: need(input.KeyStorePassword, 'KeyStorePassword', type),
      },
    };
  }
  forbid(input, CLOUDHSM_PARAMS, type);
  const connectivity = need(input.XksProxyConnectivity, 'XksProxyConnectivity', type) as XksProxyConnectivity;
  const cred = credential(need(input.XksProxyAuthenticationCredential, 'XksProxyAuthenticationCredential', type));
  const uriEndpoint = need(input.XksProxyUriEndpoint, 'XksProxyUriEndpoint', type);
  const uriPath = need(input.XksProxyUriPath, 'XksProxyUriPath', type);
  return { type, xks: { connectivity, uriEndpoint, uriPath, ...cred, ...vpcSettings(connectivity, input.XksProxyVpcEndpointServiceName, input.XksProxyVpcEndpointServiceOwner, callerAccount) } };
}

function vpcSettings(
  connectivity: XksProxyConnectivity,
  name: string | undefined,
  owner: string | undefined,
  callerAccount: string,
): Pick<XksProxySettings, 'vpcEndpointServiceName' | 'vpcEndpointServiceOwner'> {
  if (connectivity === 'PUBLIC_ENDPOINT') {
    if (name !== undefined && name !== '') throw new ValidationException(cksMsg.vpcNameNotValid);
    return {};
  }
  if (name === undefined || name === '') throw new ValidationException(cksMsg.vpcNameRequired);
  return { vpcEndpointServiceName: name, vpcEndpointServiceOwner: owner ?? callerAccount };
}

/** Which properties an update request touches (for the state machine). */
export function updateChanges(input: UpdateCustomKeyStoreInput): UpdateChanges {
  return {
    name: present(input.NewCustomKeyStoreName),
    keyStorePassword: present(input.KeyStorePassword),
    cloudHsmClusterId: present(input.CloudHsmClusterId),
    xksProxyUriEndpoint: present(input.XksProxyUriEndpoint),
    xksProxyUriPath: present(input.XksProxyUriPath),
    xksProxyVpcEndpointServiceName: present(input.XksProxyVpcEndpointServiceName),
    xksProxyVpcEndpointServiceOwner: present(input.XksProxyVpcEndpointServiceOwner),
    xksProxyAuthenticationCredential: present(input.XksProxyAuthenticationCredential),
    xksProxyConnectivity: present(input.XksProxyConnectivity),
  };
}

/** Refuses parameters of the other store type. */
export function checkUpdateParams(input: UpdateCustomKeyStoreInput, type: CustomKeyStoreType): void {
  if (type === 'AWS_CLOUDHSM') forbid(input, XKS_PARAMS, type);
  else forbid(input, ['KeyStorePassword', 'CloudHsmClusterId'], type);
}

/** The XKS settings after an update (validated as a whole, as Create would). */
export function updatedXks(current: XksProxySettings, input: UpdateCustomKeyStoreInput, callerAccount: string): XksProxySettings {
  const connectivity = (input.XksProxyConnectivity ?? current.connectivity) as XksProxyConnectivity;
  const cred = input.XksProxyAuthenticationCredential ? credential(input.XksProxyAuthenticationCredential) : undefined;
  const switching = connectivity !== current.connectivity;
  const name = input.XksProxyVpcEndpointServiceName ?? (switching ? undefined : current.vpcEndpointServiceName);
  const owner = input.XksProxyVpcEndpointServiceOwner ?? (switching ? undefined : current.vpcEndpointServiceOwner);
  return {
    connectivity,
    uriEndpoint: input.XksProxyUriEndpoint ?? current.uriEndpoint,
    uriPath: input.XksProxyUriPath ?? current.uriPath,
    accessKeyId: cred?.accessKeyId ?? current.accessKeyId,
    rawSecretAccessKey: cred?.rawSecretAccessKey ?? current.rawSecretAccessKey,
    ...vpcSettings(connectivity, name, owner, callerAccount),
  };
}
