// An SDK error says what went wrong ("connect ECONNREFUSED", "Repository ... does not exist") but
// not which call met it; in a step's log that is the first thing a reader needs.
import type { MiddlewareStack } from "@smithy/types";

const MIDDLEWARE_NAME = "shipshapeNameFailedCall";

/**
 * Prefixes the message of every error a call of `client` ends with by the service and operation,
 * "ECR CreateRepository: ...", once retries are over. The error's name, code and fields stay as
 * they are, so callers still tell errors apart by name.
 */
// biome-ignore lint/suspicious/noExplicitAny: every SDK client, whatever its input and output types
export function nameFailedCalls<C extends { middlewareStack: MiddlewareStack<any, any> }>(client: C): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error) {
          const service = (context.clientName ?? "").replace(/Client$/, "");
          const operation = (context.commandName ?? "").replace(/Command$/, "");
          const prefix = `${service} ${operation}: `;
          if (!error.message.startsWith(prefix)) error.message = prefix + error.message;
        }
        throw error;
      }
    },
    { step: "initialize", name: MIDDLEWARE_NAME, override: true },
  );
  return client;
}
