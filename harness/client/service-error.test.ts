import { describe, expect, it } from 'vitest';
import { outcomeOf, serviceErrorOf } from './service-error.js';

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

describe('outcomeOf', () => {
  it("returns the output, the service's refusal, or rethrows anything else", async () => {
    const refused = Object.assign(new Error('nope'), { name: 'NotFoundException', $metadata: { httpStatusCode: 400 } });
    await expect(outcomeOf(Promise.resolve(1))).resolves.toEqual({ out: 1 });
    await expect(outcomeOf(Promise.reject(refused))).resolves.toEqual({ refusal: { code: 'NotFoundException', status: 400, message: 'nope' } });
    await expect(outcomeOf(Promise.reject(new Error('socket hang up')))).rejects.toThrow('socket hang up');
  });
});
