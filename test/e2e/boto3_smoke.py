"""boto3 against a running kmsbench server: python3 boto3_smoke.py ENDPOINT_URL

Uses only what a user would configure (endpoint URL; credentials and Region come from the
AWS_* environment the test sets). Prints one JSON object with what it observed; the calling
test (clients.test.ts) makes the assertions, so a failure shows the whole picture.
"""
import base64
import json
import os
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
kms = boto3.client("kms", endpoint_url=endpoint, config=Config(retries={"total_max_attempts": 1}))
out = {"boto3": boto3.__version__}

key = kms.create_key(Description="boto3 e2e")["KeyMetadata"]
out["keyId"] = key["KeyId"]
out["keyState"] = key["KeyState"]

plaintext = os.urandom(300) + b"\x00boto3\xff"
context = {"tenant": "t-1", "purpose": "e2e boto3", "unicode": "\u00e9\u6f22"}
enc = kms.encrypt(KeyId=key["KeyId"], Plaintext=plaintext, EncryptionContext=context)
out["encryptKeyId"] = enc["KeyId"]

dec = kms.decrypt(CiphertextBlob=enc["CiphertextBlob"], EncryptionContext=dict(reversed(list(context.items()))))
out["decryptRoundTrip"] = dec["Plaintext"] == plaintext
out["decryptKeyId"] = dec["KeyId"]

# The same context in another order decrypts (checked above); a different one must not.
for name, bad in (
    ("wrongValue", {**context, "tenant": "t-2"}),
    ("missing", None),
    ("extra", {**context, "x": "y"}),
):
    try:
        kw = {"CiphertextBlob": enc["CiphertextBlob"]}
        if bad is not None:
            kw["EncryptionContext"] = bad
        kms.decrypt(**kw)
        out["wrongContext_" + name] = "no error"
    except ClientError as e:
        out["wrongContext_" + name] = e.response["Error"]["Code"]
        out["wrongContextStatus_" + name] = e.response["ResponseMetadata"]["HTTPStatusCode"]

dk = kms.generate_data_key(KeyId=key["KeyId"], KeySpec="AES_256", EncryptionContext={"dk": "1"})
out["dataKeyLength"] = len(dk["Plaintext"])
dk_back = kms.decrypt(CiphertextBlob=dk["CiphertextBlob"], EncryptionContext={"dk": "1"})
out["dataKeyRoundTrip"] = dk_back["Plaintext"] == dk["Plaintext"]
dk128 = kms.generate_data_key(KeyId=key["KeyId"], NumberOfBytes=16)
out["dataKey16Length"] = len(dk128["Plaintext"])

prefix = "alias/boto3-" + uuid.uuid4().hex[:8]
# Five: CreateAlias is limited to 5/s (burst 5) with the default quotas, as in AWS.
names = [f"{prefix}-{i:02d}" for i in range(5)]
for n in names:
    kms.create_alias(AliasName=n, TargetKeyId=key["KeyId"])
pages = 0
seen = []
for page in kms.get_paginator("list_aliases").paginate(PaginationConfig={"PageSize": 2}):
    pages += 1
    seen.extend(a for a in page["Aliases"])
out["aliasPages"] = pages
out["aliasesFound"] = sorted(a["AliasName"] for a in seen if a["AliasName"].startswith(prefix))
out["aliasesExpected"] = sorted(names)
out["aliasTargetsOk"] = all(a.get("TargetKeyId") == key["KeyId"] for a in seen if a["AliasName"].startswith(prefix))
out["aliasNamesUnique"] = len({a["AliasName"] for a in seen}) == len(seen)

via_alias = kms.encrypt(KeyId=names[0], Plaintext=b"x")
out["encryptViaAliasKeyId"] = via_alias["KeyId"]

try:
    kms.describe_key(KeyId="alias/boto3-does-not-exist")
    out["unknownAlias"] = "no error"
except ClientError as e:
    out["unknownAlias"] = e.response["Error"]["Code"]

print(json.dumps(out))
