resource "aws_ecs_cluster" "good_example" {
  name = "services-cluster"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
