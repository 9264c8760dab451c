/**
 * A way to sign in through Keystone's WebSSO, as Horizon's `WEBSSO_CHOICES` / `WEBSSO_IDP_MAPPING`
 * name them: a federation protocol, optionally at one identity provider, with its button's label.
 */
export interface WebssoChoice {
  /** `idp/protocol` or `protocol`: what the sign-in page's link names. */
  id: string;
  identityProvider: string | undefined;
  protocol: string;
  label: string;
}

const PART = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Parses `idp/protocol=Label` entries, comma-separated (`emulator-idp/openid=Company sign-on,saml2`).
 * Without an IdP, Keystone picks it from what the web server in front of it says (`remote_id_attribute`).
 */
export function parseWebssoChoices(text: string): { choices: WebssoChoice[] } | { problem: string } {
  const choices: WebssoChoice[] = [];
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [target = '', ...labelParts] = entry.split('=');
    const label = labelParts.join('=').trim();
    const id = target.trim();
    const [first = '', second, ...more] = id.split('/');
    const [identityProvider, protocol] = second === undefined ? [undefined, first] : [first, second];
    if (more.length || !PART.test(protocol) || (identityProvider !== undefined && !PART.test(identityProvider)))
      return { problem: `"${entry}" is not idp/protocol=Label or protocol=Label (letters, digits, . _ -)` };
    if (label.length > 64) return { problem: `"${entry}": a label has at most 64 characters` };
    if (choices.some((choice) => choice.id === id)) return { problem: `names ${id} twice` };
    choices.push({ id, identityProvider, protocol, label: label || id });
  }
  return { choices };
}
