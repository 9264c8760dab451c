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
  service.ctx.scheduler.after(input.durationMs, () => {
    if (input.mustFail || service.ctx.faults.consumeFailure(input.operation)) {
      input.fail();
      service.state.addMessage({ projectId: input.projectId, requestId: input.requestId, ...input.failure });
    } else {
      input.succeed();
    }
    service.ctx.persist();
  });
}
