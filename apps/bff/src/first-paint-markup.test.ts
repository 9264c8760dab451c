import { describe, expect, it } from 'vitest';
import { inertPicture } from './first-paint-markup.js';

describe('the first paint as a picture', () => {
  it('moves style attributes into one nonced style sheet, a rule for each distinct one', () => {
    const picture = inertPicture(
      '<div style="--stack-gap:var(--mantine-spacing-md)"><p style="width:calc(7.5rem * var(--mantine-scale))">a</p><p style="--stack-gap:var(--mantine-spacing-md)">b</p></div>',
      'n0nce',
    );
    expect(picture).not.toMatch(/ style="/);
    expect(picture).toContain('<style nonce="n0nce">');
    expect(picture).toContain('[data-fp="0"]{--stack-gap:var(--mantine-spacing-md)}');
    expect(picture).toContain('[data-fp="1"]{width:calc(7.5rem * var(--mantine-scale))}');
    expect(picture).toContain('<div data-fp="0"><p data-fp="1">a</p><p data-fp="0">b</p></div>');
  });

  it('is inert, out of the accessibility tree, and takes no pointer', () => {
    const picture = inertPicture('<button type="button">Delete</button>', 'n');
    expect(picture).toMatch(
      /<div class="first-paint" inert aria-hidden="true"><button type="button">Delete<\/button><\/div>$/,
    );
    expect(picture).toContain('.first-paint{display:contents;pointer-events:none}');
  });

  it('unescapes what React escaped in a style, and leaves out a style that could end its rule or the sheet', () => {
    const picture = inertPicture(
      `<i style="font-family:&quot;Noto Sans&quot;, &#x27;Inter&#x27;"></i><b style="--x:1}body{display:none"></b><u style="--y:&lt;/style&gt;"></u>`,
      'n',
    );
    expect(picture).toContain(`[data-fp="0"]{font-family:"Noto Sans", 'Inter'}`);
    expect(picture).not.toContain('display:none');
    expect(picture).not.toContain('</style>"');
    expect(picture.match(/<\/style>/g)).toHaveLength(1);
  });

  it('leaves text that merely looks like a style attribute alone (React escapes quotes in text)', () => {
    const text = '<p>name style=&quot;color:red&quot;</p>';
    expect(inertPicture(text, 'n')).toContain(text);
  });
});
