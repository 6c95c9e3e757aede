resource "aws_ecr_repository" "bad_example" {
  name = "bar"
  encryption_configuration {
    encryption_type = "KMS"
  }
}
