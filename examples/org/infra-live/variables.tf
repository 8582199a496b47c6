variable "region" {
  description = "AWS region of the production account."
  type        = string
  default     = "eu-central-1"
}
