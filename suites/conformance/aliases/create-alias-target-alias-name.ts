import { aliasAsTarget } from './_create-alias-target.js';

export default aliasAsTarget('alias-name', {
  kind: 'documented',
  cite: 'service model: CreateAliasRequest.TargetKeyId ("You cannot use another alias"); the code is not recorded (spec/aws-observed.md §7 A4): any 400 refusal',
  verifiedAt: '2026-12-07',
});
