"""kmsbench in a Testcontainers test (Python, pytest): one container per module, a clean store per test.

    docker build -t kmsbench:local .          # from the kmsbench repository
    pip install testcontainers boto3 pytest
    pytest test_kms.py
"""
import json
import os
import urllib.request

import boto3
import pytest
from testcontainers.core.container import DockerContainer
from testcontainers.core.waiting_utils import wait_for_logs

SEED = os.path.join(os.path.dirname(__file__), "..", "..", "seed", "local-kms-seed.yaml")


@pytest.fixture(scope="module")
def endpoint():
    container = (
        DockerContainer("kmsbench:local")
        .with_env("KMSBENCH_EPHEMERAL", "true")
        .with_env("KMSBENCH_WORKERS", "1")
        .with_volume_mapping(os.path.abspath(SEED), "/init/seed.yaml", "ro")
        .with_exposed_ports(4599)
    )
    with container:
        wait_for_logs(container, "listening on", timeout=30)
        yield f"http://{container.get_container_host_ip()}:{container.get_exposed_port(4599)}"


@pytest.fixture
def kms(endpoint):
    # Back to the seeded state before each test.
    with urllib.request.urlopen(urllib.request.Request(f"{endpoint}/_kmsbench/reset", method="POST")) as r:
        assert r.status == 200
    return boto3.client(
        "kms",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )


def test_encrypt_decrypt_with_seeded_alias(kms):
    blob = kms.encrypt(KeyId="alias/testing", Plaintext=b"hello")["CiphertextBlob"]
    assert kms.decrypt(CiphertextBlob=blob)["Plaintext"] == b"hello"


def test_counts_calls(kms, endpoint):
    kms.create_key(Description="per-test key")
    with urllib.request.urlopen(f"{endpoint}/_kmsbench/usage") as r:
        usage = json.load(r)
    assert usage["operations"] == {"CreateKey": {"calls": 1, "throttled": 0, "errors": 0}}
