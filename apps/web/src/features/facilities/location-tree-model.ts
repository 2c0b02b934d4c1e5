import type { Location, LocationKind } from '@vigil/contracts';

export interface LocationNode {
  location: Location;
  children: LocationNode[];
}

/**
 * Builds the tree from the server's flat list (ordered by path). A node whose parent is missing
 * from the list (for example, an inactive parent that is hidden) is shown at the top level.
 */
export function buildLocationTree(items: readonly Location[]): LocationNode[] {
  const nodes = new Map<string, LocationNode>();
  for (const location of items) nodes.set(location.id, { location, children: [] });
  const roots: LocationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.location.parentId ? nodes.get(node.location.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The kind of place most often created inside a parent of this kind. */
export function suggestedChildKind(parent: LocationKind | null): LocationKind {
  switch (parent) {
    case null:
      return 'building';
    case 'building':
      return 'wing';
    case 'wing':
      return 'landing';
    default:
      return 'cell';
  }
}

/** The codes bulk creation will give, as the server makes them: prefix + number padded to digits. */
export function bulkCellCodes(prefix: string, firstNumber: number, count: number, digits: number): string[] {
  const codes: string[] = [];
  for (let n = firstNumber; n < firstNumber + count; n++) codes.push(prefix + String(n).padStart(digits, '0'));
  return codes;
}

/** The ids of a node and everything inside it (a place cannot move under any of these). */
export function descendantIds(items: readonly Location[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of items) {
      if (l.parentId && out.has(l.parentId) && !out.has(l.id)) {
        out.add(l.id);
        grew = true;
      }
    }
  }
  return out;
}
