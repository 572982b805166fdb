import { disableRefused } from './_key-rotation.js';
import { documented } from '../_lib/sources.js';

export default disableRefused('PendingImport', { code: 'UnsupportedOperationException', status: 400 }, documented('service model: DisableKeyRotation doc (no automatic rotation of keys with imported key material); https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (archived table: spec/aws-observed.md §2.2, KS-OLD [6])'));
