// GENERATED FILE — DO NOT EDIT. index.ts is written by scripts/codegen-from-model.ts from
// spec/kms-2014-11-01.service-2.json; run `npm run codegen` to regenerate.
/* eslint-disable */
export * from './model.js';
export * from './schemas.js';
