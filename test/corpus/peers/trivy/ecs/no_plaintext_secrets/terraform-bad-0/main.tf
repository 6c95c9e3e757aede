resource "aws_ecs_task_definition" "bad_example" {
  container_definitions = <<EOF
 [
   {
     "name": "my_service",
     "environment": [
       { "name": "ENVIRONMENT", "value": "development" },
       { "name": "DATABASE_PASSWORD", "value": "oh no D:"}
     ]
   }
 ]
 EOF
}
