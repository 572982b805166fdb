import { aliasAsTarget } from './_create-alias-target.js';
import { documented } from '../_lib/sources.js';

export default aliasAsTarget('alias-arn', documented('service model: CreateAliasRequest.TargetKeyId ("You cannot use another alias"); the code is not recorded (spec/aws-observed.md §7 A4): any 400 refusal'));
