# A Terraform configuration for the kmsbench reference server (or any KMS endpoint):
# an ECC signing key with its public key, an HMAC key, a symmetric key with an alias, and a
# multi-Region key with a replica in a second Region.
#
#   npx kmsbench serve --port 4599 &
#   export TF_CLI_CONFIG_FILE=$PWD/terraformrc   # offline provider mirror, see README.md
#   terraform init && terraform apply -var endpoint=http://127.0.0.1:4599
#
# test/e2e/terraform.test.ts and test/e2e/iac.test.ts apply it, check that `terraform plan` shows
# no drift, and destroy it. The provider settings below keep it from calling STS, IAM or the
# metadata service.
#
# The second Region goes to the same endpoint: the reference server takes the Region from each
# request's SigV4 credential scope, so one server is every Region.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "endpoint" {
  description = "KMS endpoint URL (the reference server prints it: listening on http://HOST:PORT)"
  type        = string
  default     = "http://127.0.0.1:4599"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "replica_region" {
  description = "Region of the multi-Region key's replica"
  type        = string
  default     = "us-west-2"
}

provider "aws" {
  region                      = var.region
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    kms = var.endpoint
  }
}

provider "aws" {
  alias                       = "replica"
  region                      = var.replica_region
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    kms = var.endpoint
  }
}

resource "aws_kms_key" "signing" {
  description              = "kmsbench example: ECC signing key"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = 7
}

data "aws_kms_public_key" "signing" {
  key_id = aws_kms_key.signing.arn
}

resource "aws_kms_key" "hmac" {
  description              = "kmsbench example: HMAC key"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
  deletion_window_in_days  = 7
}

resource "aws_kms_key" "orders" {
  description             = "orders data key"
  deletion_window_in_days = 7
  enable_key_rotation     = true
  tags = {
    team = "payments"
  }
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders"
  target_key_id = aws_kms_key.orders.key_id
}

output "key_id" {
  value = aws_kms_key.orders.key_id
}

output "key_arn" {
  value = aws_kms_key.orders.arn
}

resource "aws_kms_key" "multi_region" {
  description             = "kmsbench example: multi-Region primary key"
  multi_region            = true
  deletion_window_in_days = 7
}

resource "aws_kms_replica_key" "multi_region" {
  provider                = aws.replica
  description             = "kmsbench example: multi-Region replica key"
  primary_key_arn         = aws_kms_key.multi_region.arn
  deletion_window_in_days = 7
}

output "signing_key_arn" {
  value = aws_kms_key.signing.arn
}

output "signing_public_key_pem" {
  value = data.aws_kms_public_key.signing.public_key_pem
}

output "signing_algorithms" {
  value = data.aws_kms_public_key.signing.signing_algorithms
}

output "hmac_key_arn" {
  value = aws_kms_key.hmac.arn
}

output "multi_region_key_arn" {
  value = aws_kms_key.multi_region.arn
}

output "replica_key_arn" {
  value = aws_kms_replica_key.multi_region.arn
}
