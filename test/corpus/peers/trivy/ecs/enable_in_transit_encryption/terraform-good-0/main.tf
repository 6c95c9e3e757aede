resource "aws_ecs_task_definition" "good_example" {
  container_definitions = file("task-definitions/service.json")
  volume {
    name = "service-storage"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.fs.id
      transit_encryption = "ENABLED"
    }
  }
}
