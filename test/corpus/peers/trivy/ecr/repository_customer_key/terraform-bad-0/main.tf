resource "aws_ecr_repository" "bad_example" {
  name = "bar"
}
