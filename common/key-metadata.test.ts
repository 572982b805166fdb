import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABSENT_ON_A_NEW_SYMMETRIC_KEY, SYMMETRIC_KEY_METADATA_MEMBERS } from './key-metadata.js';
import { KeyMetadataSchema } from './model/schemas.js';

describe('the KeyMetadata members of a new symmetric key', () => {
  it('are the members AWS was observed to return (spec/aws-observed.md §4.1) plus CurrentKeyMaterialId (2025)', () => {
    const doc = readFileSync(new URL('../spec/aws-observed.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### 4.1 CreateKey / DescribeKey `KeyMetadata`'));
    const observed = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as Record<string, unknown>;
    expect(SYMMETRIC_KEY_METADATA_MEMBERS).toEqual([...Object.keys(observed), 'CurrentKeyMaterialId'].sort());
  });

  it('name only members of the model, and every member is either present or explained', () => {
    const model = Object.keys(KeyMetadataSchema.shape).sort();
    expect([...SYMMETRIC_KEY_METADATA_MEMBERS, ...Object.keys(ABSENT_ON_A_NEW_SYMMETRIC_KEY)].sort()).toEqual(model);
  });
});
