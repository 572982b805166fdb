import { memberCase, equals } from './_key-metadata-member-values.js';
import { recorded } from '../_lib/sources.js';

export default memberCase('Description', 'is "" when none was given', equals(''), recorded('spec/aws-observed.md §4.1 (no Description given: "", EX CreateKey and LS-SNAP replica metadata)'));
