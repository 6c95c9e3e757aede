resource "aws_ecr_repository" "example" {
  name = "bar"
}

resource "aws_ecr_repository_policy" "example" {
  repository = aws_ecr_repository.example.name

  policy = <<EOF
 {
     "Version": "2008-10-17",
     "Statement": [
         {
             "Sid": "new policy",
             "Effect": "Allow",
             "Principal": "*",
             "Action": [
                 "ecr:SetRepositoryPolicy"
             ]
         }
     ]
 }
 EOF
}
