resource "aws_ecs_cluster" "bad_example" {
  name = "services-cluster"
}
