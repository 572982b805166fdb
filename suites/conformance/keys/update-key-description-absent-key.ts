import { UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { absentKey } from './_management-absent-key.js';
import { documented } from '../_lib/sources.js';

export default absentKey('UpdateKeyDescription', 'update-key-description', (KeyId) => new UpdateKeyDescriptionCommand({ KeyId, Description: 'x' }), documented('service model: UpdateKeyDescription errors (NotFoundException); message recorded for DescribeKey only (spec/aws-observed.md §1 N1)'));
