import type { EmulatorContext } from '../context.js';

/** The project and user a seed user's resources belong to. */
export function ownerOf(ctx: EmulatorContext, userName: string): { projectId: string; userId: string } {
  const user = ctx.identity.findUserByName(userName, 'default');
  if (!user?.defaultProjectId) throw new Error(`no seed user ${userName}`);
  return { projectId: user.defaultProjectId, userId: user.id };
}

export function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}
