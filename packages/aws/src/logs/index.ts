// The last lines a task wrote to CloudWatch Logs (awslogs driver), for a failed one-off task.
import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { nameFailedCalls } from "../call-names.js";
import { type AwsClientOptions, clientConfig } from "../client-config.js";

/** A CloudWatch Logs client with the shared settings; AWS_ENDPOINT_URL(_CLOUDWATCH_LOGS) is honoured. */
export function createLogsClient(options: AwsClientOptions): CloudWatchLogsClient {
  return nameFailedCalls(new CloudWatchLogsClient(clientConfig(options)));
}

/** The last `limit` messages of one log stream, oldest first (GetLogEvents, startFromHead false). */
export async function lastLogLines(
  logs: CloudWatchLogsClient,
  stream: { group: string; stream: string },
  limit = 20,
): Promise<string[]> {
  const response = await logs.send(
    new GetLogEventsCommand({ logGroupName: stream.group, logStreamName: stream.stream, limit, startFromHead: false }),
  );
  return (response.events ?? []).flatMap((event) => (event.message === undefined ? [] : [event.message.trimEnd()]));
}
