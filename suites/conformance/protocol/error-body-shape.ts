import { members } from '../_lib/support.js';
import { errorReplyCase } from './_replies.js';
import { recorded } from '../_lib/sources.js';

// Facts sheet "Wire protocol"; aws-observed.md §0 (raw KMS body with lower-case "message").
export default errorReplyCase(
  {
    behaviour: 'error-body-shape',
    title: 'An error body is a JSON object {"__type": "<code>", "message": "<text>"} with a lower-case message member',
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors',
    source: recorded('spec/aws-observed.md §0 (raw KMS error body with a lower-case "message", hyperlane-xyz/hyperlane-monorepo#2391)'),
  },
  (t, reply) => {
    const body = (reply.json ?? {}) as Record<string, unknown>;
    t.expectEqual(members(body), ['__type', 'message'], 'error body members');
    // Some AWS JSON services prefix the code with a namespace ("com.amazon...#Code"); both are the AWS shape.
    t.check(typeof body.__type === 'string' && /^(?:[A-Za-z0-9_.:]+#)?NotFoundException$/.test(body.__type), '__type names NotFoundException', body.__type);
    t.check(typeof body.message === 'string' && body.message.length > 0, 'message is a non-empty string', body.message);
  },
);
