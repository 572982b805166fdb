import { defineCase } from '../../../harness/conformance/case.js';
import { BURST, listKeyPoliciesBurst, THROTTLING_DOC } from './_burst.js';
import { givenKey } from '../_lib/prerequisites.js';
import { documented } from '../_lib/sources.js';

export default defineCase({
  id: 'throttling.control-plane-burst',
  title: 'A burst of ListKeyPolicies beyond its request quota is partly throttled, the rest served',
  doc: THROTTLING_DOC,
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/throttling.html; https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html (ListKeyPolicies: its own request quota)'),
  tags: ['throttling'],
  ops: ['CreateKey', 'ListKeyPolicies'],
  needs: ['low-quota'],
  flags: ['destructive'],
  async run(t) {
    const key = await givenKey(t);
    const replies = await listKeyPoliciesBurst(t, key.KeyId);
    const ok = replies.filter((r) => r.status === 200).length;
    const throttled = replies.filter((r) => r.errorCode === 'ThrottlingException').length;
    const other = replies.filter((r) => r.status !== 200 && r.errorCode !== 'ThrottlingException');
    t.check(throttled > 0, `some of ${BURST} ListKeyPolicies calls at once are throttled`, { ok, throttled });
    t.check(ok > 0, 'the calls within the quota are served', { ok, throttled });
    t.expectEqual(
      other.map((r) => `${r.status} ${r.errorCode}`),
      [],
      'no refusal other than ThrottlingException',
    );
  },
});
