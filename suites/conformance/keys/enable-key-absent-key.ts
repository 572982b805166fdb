import { EnableKeyCommand } from '@aws-sdk/client-kms';
import { absentKey } from './_management-absent-key.js';
import { documented } from '../_lib/sources.js';

export default absentKey('EnableKey', 'enable-key', (KeyId) => new EnableKeyCommand({ KeyId }), documented('service model: EnableKey errors (NotFoundException); message recorded for DescribeKey only (spec/aws-observed.md §1 N1)'));
