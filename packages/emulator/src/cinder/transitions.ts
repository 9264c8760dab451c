import type { FaultOperation } from '../sim/faults.js';
import type { MessageRecord } from './records.js';
import type { CinderService } from './service.js';

export interface FailureMessage {
  resourceType: MessageRecord['resourceType'];
  resourceUuid: string;
  /** `VOLUME_<RESOURCE>_<ACTION>_<DETAIL>` as in cinder/message/message_field.py. */
  eventId: string;
  userMessage: string;
}

/**
 * Completes an asynchronous operation after `durationMs`, as cinder-volume would: `succeed` runs
 * unless a fault was injected for this operation, in which case `fail` runs and a user message
 * records why (GET /messages), as Cinder does for failed asynchronous work.
 */
export function completeLater(
  service: CinderService,
  input: {
    operation: FaultOperation;
    durationMs: number;
    projectId: string;
    requestId: string;
    succeed: () => void;
    fail: () => void;
    failure: FailureMessage;
    /** Fail whatever the faults say (an unschedulable type, for instance). */
    mustFail?: boolean;
  },
): void {
  const complete = () => {
    if (input.mustFail || service.ctx.faults.consumeFailure(input.operation)) {
      input.fail();
      service.state.addMessage({ projectId: input.projectId, requestId: input.requestId, ...input.failure });
    } else {
      input.succeed();
    }
    service.ctx.persist();
  };
  service.ctx.scheduler.after(input.durationMs, () => {
    const nameOf = () => resourceName(service, input.failure);
    if (!service.ctx.holds.park(input.operation, nameOf, complete)) complete();
  });
}

/** The name of the volume, snapshot or backup an operation runs on, for holds that name one. */
function resourceName(service: CinderService, target: FailureMessage): string | null | undefined {
  const { state } = service;
  switch (target.resourceType) {
    case 'VOLUME':
      return state.volumes.get(target.resourceUuid)?.name;
    case 'SNAPSHOT':
      return state.snapshots.get(target.resourceUuid)?.name;
    case 'BACKUP':
      return state.backups.get(target.resourceUuid)?.name;
    default:
      return undefined;
  }
}
