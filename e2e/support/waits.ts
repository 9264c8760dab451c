/**
 * How long to wait for a state that needs a cloud operation to finish (a volume created, extended,
 * backed up, deleted) and the live feed to bring it: seconds on an idle machine. The figure is
 * generous on purpose: it bounds a wait for a state, and a busy machine must still get there.
 */
export const CLOUD_OPERATION = { timeout: 60_000 };
