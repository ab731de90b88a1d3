package io.spineintake.consult;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.spineintake.platform.Priming;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming of the consult queue's consumer ({@link Priming}): one synthetic referral
 * summary (fixed ids, no patient data; summaries never hold any) is read, turned into a referral
 * and put, offline: nothing reaches the referrals table.
 */
final class ConsultQueuePriming implements Resource {
    static final String INTAKE_ID = "00000000-0000-4000-8000-000000000000";

    private final ConsultQueueHandler handler;

    ConsultQueuePriming(ConsultQueueHandler handler) {
        this.handler = handler;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew
    }

    SQSBatchResponse prime() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(Priming.REQUEST_ID);
        message.setEventSource("aws:sqs");
        message.setBody("{\"intakeId\":\"" + INTAKE_ID + "\",\"regions\":[\"LUMBAR\"],\"disposition\":\"CONSULT\","
                + "\"tier\":\"HIGH\",\"score\":88,\"priorityKey\":\"2-9-012-0000000000000\","
                + "\"submittedAt\":\"2026-01-01T00:00:00.000Z\"}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return Priming.offline(() -> handler.handleRequest(event, Priming.context()));
    }
}
