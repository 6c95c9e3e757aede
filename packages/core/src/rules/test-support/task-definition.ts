// Task definitions (RegisterTaskDefinition input) as objects, for rule cases that need one but are
// not about most of it: pass `json(taskDefinition({...}))` as the case's code. A case that asserts
// a line and column keeps its JSON text written out, so the position can be read off the test.

type Fields = Record<string, unknown>;

/** A container named web on nginx:1.27, with `overrides` on top. */
export function container(overrides: Fields = {}): Fields {
  return { name: "web", image: "nginx:1.27", ...overrides };
}

/** Family web with one container(), with `overrides` on top (containerDefinitions replaces it). */
export function taskDefinition(overrides: Fields = {}): Fields {
  return { family: "web", containerDefinitions: [container()], ...overrides };
}
