/**
 * The kmsbench version (results.json and the reports record it): common/tool-version.ts.
 *
 * @module
 */
export { toolVersion } from '../../common/tool-version.js';
