/**
 * Error classes for the custom key store codes (all declared in ../errors.ts ERROR_TABLE).
 * reference-impl/errors.ts says to add a class line there when a code is first thrown; these
 * lines are kept here until the keystores are wired in, then they can move there as they are.
 *
 * @module
 */
import { defineError } from '../errors.js';

export const CloudHsmClusterInUseException = defineError('CloudHsmClusterInUseException');
export const CloudHsmClusterInvalidConfigurationException = defineError('CloudHsmClusterInvalidConfigurationException');
export const CloudHsmClusterNotActiveException = defineError('CloudHsmClusterNotActiveException');
export const CloudHsmClusterNotFoundException = defineError('CloudHsmClusterNotFoundException');
export const CloudHsmClusterNotRelatedException = defineError('CloudHsmClusterNotRelatedException');
export const CustomKeyStoreHasCMKsException = defineError('CustomKeyStoreHasCMKsException');
export const CustomKeyStoreInvalidStateException = defineError('CustomKeyStoreInvalidStateException');
export const CustomKeyStoreNameInUseException = defineError('CustomKeyStoreNameInUseException');
export const IncorrectTrustAnchorException = defineError('IncorrectTrustAnchorException');
export const XksKeyAlreadyInUseException = defineError('XksKeyAlreadyInUseException');
export const XksKeyInvalidConfigurationException = defineError('XksKeyInvalidConfigurationException');
export const XksKeyNotFoundException = defineError('XksKeyNotFoundException');
export const XksProxyIncorrectAuthenticationCredentialException = defineError('XksProxyIncorrectAuthenticationCredentialException');
export const XksProxyInvalidConfigurationException = defineError('XksProxyInvalidConfigurationException');
export const XksProxyInvalidResponseException = defineError('XksProxyInvalidResponseException');
export const XksProxyUriEndpointInUseException = defineError('XksProxyUriEndpointInUseException');
export const XksProxyUriInUseException = defineError('XksProxyUriInUseException');
export const XksProxyUriUnreachableException = defineError('XksProxyUriUnreachableException');
export const XksProxyVpcEndpointServiceNotFoundException = defineError('XksProxyVpcEndpointServiceNotFoundException');
