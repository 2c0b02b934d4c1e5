/**
 * One language's catalogue from its parts: the shell's messages and each feature's, every part
 * owning its own top-level namespaces. Two parts claiming one namespace is a mistake the catalogue
 * test catches; here the later one wins.
 */
export function mergeCatalogues(parts: readonly Record<string, unknown>[]): Record<string, unknown> {
  return Object.assign({}, ...parts) as Record<string, unknown>;
}
