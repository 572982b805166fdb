import { DisableKeyCommand } from '@aws-sdk/client-kms';
import { absentKey } from './_management-absent-key.js';
import { documented } from '../_lib/sources.js';

export default absentKey('DisableKey', 'disable-key', (KeyId) => new DisableKeyCommand({ KeyId }), documented('service model: DisableKey errors (NotFoundException); message recorded for DescribeKey only (spec/aws-observed.md §1 N1)'));
