/** A resource's name for messages, or its id when it has none. */
export function displayName(resource: { name: string | null; id: string }): string {
  return resource.name || resource.id;
}
