terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }
  backend "s3" {
    bucket = "acme-state"
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

locals {
  tags = { team = "shop", env = "${var.region}-prod" }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  cidr    = "10.0.0.0/16"
}

module "local" {
  source = "./modules/db"
}

module "git" {
  source = "git::https://github.com/acme/tf-modules.git//network?ref=v1.2.0"
}

resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"
  tags          = local.tags
  /* block
     comment */
  user_data = <<-EOT
    #!/bin/bash
    echo hello
  EOT
}
