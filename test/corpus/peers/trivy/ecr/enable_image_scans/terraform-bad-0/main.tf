resource "aws_ecr_repository" "bad_example" {
  name = "bar"
  image_scanning_configuration {
    scan_on_push = false
  }
}
