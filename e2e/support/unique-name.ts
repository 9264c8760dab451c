/**
 * A name no other test run on the same cloud has used: the time says which run made it (handy when
 * a real cloud keeps leftovers), the random part keeps parallel workers apart.
 */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
