/** `value` made safe inside a double-quoted HTML attribute (and as text): nothing in it can end the quote or open a tag. */
export function htmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
