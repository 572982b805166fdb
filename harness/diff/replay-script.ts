/**
 * A divergence as a bash script of AWS CLI commands (`aws kms ... --endpoint-url`), to replay
 * on either endpoint: `bash d01-....sh [URL]` (default: endpoint a). Pure: returns the text.
 *
 * The AWS CLI checks some bounds itself (a too-short value may be refused before it is sent);
 * the vitest case sends every request as generated.
 *
 * @module
 */
import { cliName, MARKER, replayPlan, RUN_PLACEHOLDER } from './replay-plan.js';
import type { DiffFile, Divergence } from '../results/diff-results.js';

const shellDoubleQuoted = (text: string) => text.replace(/[\\"$`]/g, (c) => `\\${c}`);

/** Replaces markers by shell expansions (after quoting, so they stay live). */
function expand(quoted: string): string {
  return quoted.replaceAll(RUN_PLACEHOLDER, '${RUN}').replace(MARKER, (_m, name: string) => {
    const mutation = /^(TAMPER|TRUNCATE)_(CT_\d+)$/.exec(name);
    if (mutation) return `$(${mutation[1]!.toLowerCase()} "\${${mutation[2]}}")`;
    return `\${${name}}`;
  });
}

const comment = (text: string) => text.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n');

export function replayScript(diff: Pick<DiffFile, 'a' | 'b' | 'seed'>, d: Divergence): string {
  const plan = replayPlan(d);
  const lines = [
    '#!/usr/bin/env bash',
    comment(`kmsbench diff divergence ${d.id} (seed ${diff.seed}): ${d.signature}
first difference at step ${d.first_difference.step} (${d.first_difference.operation}): ${d.first_difference.kind}${d.first_difference.path ? ` at ${d.first_difference.path}` : ''}
a = ${diff.a.label} (${diff.a.endpoint}); b = ${diff.b.label} (${diff.b.endpoint})
usage: bash ${d.id}.sh [ENDPOINT_URL]   (default: a). Needs the AWS CLI (v1 or v2) and python3.
Credentials: the AWS_* environment variables, else test/test (what the reference server and emulators accept).`),
    'set -u',
    `EP="\${1:-${diff.a.endpoint}}"`,
    'export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-${AWS_REGION:-us-east-1}}"',
    'TMP="$(mktemp -d)"; trap \'rm -rf "$TMP"\' EXIT',
    'RUN="kd$(od -An -N4 -tx1 /dev/urandom | tr -d \' \\n\')"',
    'LAST=""; KEYS=(); ALIASES=()',
    'kms() { echo "+ aws kms $*" >&2; LAST="$(aws kms "$@" --endpoint-url "$EP" --output json 2>&1)"; echo "$LAST"; }',
    '# blobs go as files (fileb://), which the AWS CLI v1 and v2 read alike',
    'blob() { local f; f="$(mktemp -p "$TMP")"; printf \'%s\' "$1" | base64 -d > "$f"; echo "fileb://$f"; }',
    "get() { printf '%s' \"$LAST\" | python3 -c 'import json,sys\ntry: d=json.load(sys.stdin)\nexcept Exception: sys.exit(0)\nfor k in sys.argv[1].split(\".\"): d=d.get(k) if isinstance(d,dict) else None\nprint(d if isinstance(d,str) else \"\")' \"$1\"; }",
    "tamper() { python3 -c 'import base64,sys;b=bytearray(base64.b64decode(sys.argv[1]));b[-1]^=1;print(base64.b64encode(b).decode())' \"$1\"; }",
    "truncate() { python3 -c 'import base64,sys;b=base64.b64decode(sys.argv[1]);print(base64.b64encode(b[:len(b)//2]).decode())' \"$1\"; }",
    '',
    '# the account and Region, from a probe key (as the engine learns them)',
    'kms create-key --cli-input-json "{\\"Description\\":\\"kmsbench diff ${RUN} probe\\"}" >/dev/null',
    'PROBE="$(get KeyMetadata.Arn)"; KEYS+=("$PROBE"); ACCOUNT="$(echo "$PROBE" | cut -d: -f5)"; REGION="$(echo "$PROBE" | cut -d: -f4)"',
    '',
  ];
  plan.forEach((step, i) => {
    const last = i === plan.length - 1;
    lines.push(`# step ${i}: ${d.steps[i]!.text}`, `#   a: ${step.a}   b: ${step.b}${last ? '   <- first difference' : ''}`);
    const input = JSON.parse(step.json) as Record<string, unknown>;
    const blobs = step.blobs.map((m) => ` --${cliName(m)} "$(blob "${expand(shellDoubleQuoted(String(input[m])))}")"`);
    for (const m of step.blobs) delete input[m];
    lines.push(`kms ${cliName(step.op)} --cli-input-json "${expand(shellDoubleQuoted(JSON.stringify(input)))}"${blobs.join('')}`);
    for (const c of step.captures) lines.push(`${c.name}="$(get ${c.from})"`);
    if (step.makesKey) lines.push(`KEYS+=("\${${step.captures[0]!.name}}")`);
    if (step.makesAlias) lines.push(`ALIASES+=("$(printf '%s' "${expand(shellDoubleQuoted(String(JSON.parse(step.json).AliasName)))}")")`);
    lines.push('');
  });
  lines.push(
    '# clean up: aliases deleted, keys scheduled for deletion in 7 days',
    'for a in "${ALIASES[@]}"; do aws kms delete-alias --endpoint-url "$EP" --alias-name "$a" >/dev/null 2>&1; done',
    'for k in "${KEYS[@]}"; do aws kms schedule-key-deletion --endpoint-url "$EP" --key-id "$k" --pending-window-in-days 7 >/dev/null 2>&1; done',
    '',
  );
  return lines.join('\n');
}
