// A located tree as plain data (values, offsets, keys), for comparing the fast YAML reader with
// the yaml package's path in the corpus check and the fuzz campaign.
export function described(node) {
  switch (node.kind) {
    case "scalar":
      return [node.value, node.start, node.end, node.key];
    case "tagged":
      return [node.tag, node.start, node.end, node.key, described(node.value)];
    case "seq":
      return [node.items.map(described), node.start, node.end, node.key];
    case "map":
      return [node.entries.map((e) => [e.key, described(e.keyNode), described(e.value)]), node.start, node.end, node.key];
  }
}
