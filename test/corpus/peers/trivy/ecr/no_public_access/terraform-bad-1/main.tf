resource "aws_ecr_repository" "example" {
  name = "bar"
}

data "aws_iam_policy_document" "example" {
  version = "2008-10-17"
  statement {
    sid    = "new policy"
    effect = "Allow"
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions = [
      "ecr:SetRepositoryPolicy"
    ]
  }
}

resource "aws_ecr_repository_policy" "example" {
  repository = aws_ecr_repository.example.name
  policy     = data.aws_iam_policy_document.example.json
}
