import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_TABLE, KmsError, NotFoundException, defineError, isKmsError, type AwsErrorCode } from './errors.js';
import { OPERATIONS } from '../common/model/model.js';

const model = JSON.parse(readFileSync(new URL('../spec/kms-2014-11-01.service-2.json', import.meta.url), 'utf8')) as {
  shapes: Record<string, { exception?: boolean; fault?: boolean }>;
};

describe('the error table', () => {
  const modelErrors = Object.entries(model.shapes)
    .filter(([, s]) => s.exception)
    .map(([name]) => name);

  it('holds every error shape of the service model, marked as such', () => {
    for (const name of modelErrors) {
      expect(ERROR_TABLE, name).toHaveProperty(name);
      expect(ERROR_TABLE[name as AwsErrorCode].kind).toBe('service-model');
    }
    const tableModel = Object.entries(ERROR_TABLE).filter(([, e]) => e.kind === 'service-model').map(([n]) => n);
    expect(tableModel.sort()).toEqual([...modelErrors].sort());
  });

  it('gives faults a 5xx status and client errors a 4xx status', () => {
    for (const name of modelErrors) {
      const status = ERROR_TABLE[name as AwsErrorCode].status;
      if (model.shapes[name]!.fault) expect(status, name).toBeGreaterThanOrEqual(500);
      else expect(status, name).toBeLessThan(500);
    }
  });

  it('covers every error any operation declares', () => {
    for (const [op, def] of Object.entries(OPERATIONS)) {
      for (const e of def.errors) expect(ERROR_TABLE, `${op}: ${e}`).toHaveProperty(e);
    }
  });
});

describe('KmsError', () => {
  it('carries code, status and retryability from the table', () => {
    const e = new NotFoundException('Key x does not exist');
    expect(isKmsError(e)).toBe(true);
    expect(e).toBeInstanceOf(KmsError);
    expect([e.code, e.status, e.retryable, e.name]).toEqual(['NotFoundException', 400, false, 'NotFoundException']);
    expect(e.toJSON()).toEqual({ __type: 'NotFoundException', message: 'Key x does not exist' });
  });

  it('leaves the message member out when AWS sends none', () => {
    expect(new (defineError('InvalidCiphertextException'))('').toJSON()).toEqual({ __type: 'InvalidCiphertextException' });
  });

  it('answers throttling with 400 and marks it retryable', () => {
    const T = defineError('ThrottlingException');
    const e = new T('slow down');
    expect([e.status, e.retryable]).toEqual([400, true]);
  });
});
