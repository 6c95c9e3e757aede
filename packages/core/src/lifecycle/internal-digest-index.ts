// Image digests to their index in the input list, in one open-addressing table of Int32Array slots:
// a Map of a million digest strings cost about a second of the evaluation, most of it the garbage
// collector walking the Map's entries while the heap grew.

const EMPTY = -1;

/** FNV-1a over the UTF-16 code units; digests are ASCII, so a unit is a byte. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface DigestIndex {
  /** The index of the image with this digest, or undefined when no image has it. */
  indexOf(digest: string): number | undefined;
}

/**
 * The index of every digest, or the first digest listed twice (`duplicate`), in which case the
 * index is not built.
 */
export function indexDigests(
  digests: readonly string[],
): { index: DigestIndex; duplicate?: undefined } | { duplicate: string } {
  // At most half full, so that a probe ends after a slot or two.
  let size = 2;
  while (size < digests.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(EMPTY);
  const hashes = new Uint32Array(digests.length);
  for (let i = 0; i < digests.length; i++) {
    const digest = digests[i] as string;
    const hash = hashOf(digest);
    hashes[i] = hash;
    let slot = hash & mask;
    for (;;) {
      const held = slots[slot] as number;
      if (held === EMPTY) break;
      if (hashes[held] === hash && digests[held] === digest) return { duplicate: digest };
      slot = (slot + 1) & mask;
    }
    slots[slot] = i;
  }
  return {
    index: {
      indexOf(digest: string) {
        const hash = hashOf(digest);
        let slot = hash & mask;
        for (;;) {
          const held = slots[slot] as number;
          if (held === EMPTY) return undefined;
          if (hashes[held] === hash && digests[held] === digest) return held;
          slot = (slot + 1) & mask;
        }
      },
    },
  };
}
