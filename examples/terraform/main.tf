# Terraform's AWS provider against kmsbench: `endpoints { kms = ... }` and the settings that keep
# the provider from calling STS, IAM or the metadata service. test/e2e/iac.test.ts applies and
# destroys this configuration when terraform is installed.
#
#   kmsbench serve &
#   terraform init && terraform apply -var endpoint=http://127.0.0.1:4599

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "endpoint" {
  type    = string
  default = "http://127.0.0.1:4599"
}

variable "region" {
  type    = string
  default = "us-east-1"
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
