import { describe, expect, it } from 'vitest';
import { serviceErrorOf } from './service-error.js';

describe('serviceErrorOf', () => {
  it("reads the code, HTTP status and message of the service's answer", () => {
    const e = Object.assign(new Error('Key is disabled'), { name: 'DisabledException', $metadata: { httpStatusCode: 400 } });
    expect(serviceErrorOf(e)).toEqual({ code: 'DisabledException', status: 400, message: 'Key is disabled' });
  });

  it('is undefined for anything the service did not answer', () => {
    expect(serviceErrorOf(new Error('socket hang up'))).toBeUndefined();
    expect(serviceErrorOf(undefined)).toBeUndefined();
    expect(serviceErrorOf('boom')).toBeUndefined();
  });
});
