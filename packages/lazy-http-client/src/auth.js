// The credential handlers import nothing, so the real module is cheap to load at start-up.
export * from "actions-http-client/lib/auth";
