resource "aws_ecr_repository" "good_example" {
  name = "bar"
  image_scanning_configuration {
    scan_on_push = true
  }
}
