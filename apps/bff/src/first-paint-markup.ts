/**
 * The first paint's markup as a picture of the page until the app takes over: inert (it takes no
 * click, focus or keystroke, and is out of the accessibility tree), and within the strict CSP.
 *
 * React writes the components' style props as `style="..."` attributes, which the policy refuses
 * (it allows no inline style, only `<style>` elements with the response's nonce). Each distinct
 * attribute becomes a rule of one nonce'd `<style>`, keyed by a `data-fp` attribute in its place,
 * so the picture looks as the app will.
 */
export function inertPicture(markup: string, nonce: string): string {
  const rules = new Map<string, number>();
  const keyed = markup.replace(/ style="([^"]*)"/g, (_attribute, value: string) => {
    const declarations = decodeAttribute(value);
    let key = rules.get(declarations);
    if (key === undefined) {
      key = rules.size;
      rules.set(declarations, key);
    }
    return ` data-fp="${key}"`;
  });
  // A declaration that could end its rule or the element (text from the cloud in a style) is left out.
  const css = [...rules]
    .filter(([declarations]) => !/[{}<]/.test(declarations))
    .map(([declarations, key]) => `[data-fp="${key}"]{${declarations}}`)
    .join('\n');
  const sheet = `<style nonce="${nonce}">.first-paint{display:contents;pointer-events:none}\n${css}</style>`;
  return `${sheet}<div class="first-paint" inert aria-hidden="true">${keyed}</div>`;
}

/** An attribute's text as React escapes it (`&amp;`, `&quot;`, `&#x27;`, `&lt;`, `&gt;`), unescaped. */
function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (_entity, name: string) => ENTITIES[name]!);
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#x27': "'", '#39': "'", lt: '<', gt: '>' };
