package io.spineintake.consult;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.spineintake.platform.Priming;
import java.util.List;

/**
 * SnapStart priming of the consult queue's consumer ({@link Priming}): one synthetic referral
 * summary (fixed ids, no patient data; summaries never hold any) is read, turned into a referral
 * and put with its creation entry (a change's entry key is derived, nothing random), offline:
 * nothing reaches the referrals table or the audit table.
 */
public final class ConsultQueuePriming {
    static final String INTAKE_ID = "00000000-0000-4000-8000-000000000000";

    private ConsultQueuePriming() {
    }

    static SQSBatchResponse prime(ConsultQueueHandler handler) {
        return Priming.offline(() -> handler.handleRequest(event(INTAKE_ID, Priming.REQUEST_ID), Priming.context()));
    }

    /** A batch of one consult-queue message for intake {@code intakeId} (also the cold-start harness's event). */
    public static SQSEvent event(String intakeId, String messageId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setEventSource("aws:sqs");
        message.setBody("{\"intakeId\":\"" + intakeId + "\",\"regions\":[\"LUMBAR\"],\"disposition\":\"CONSULT\","
                + "\"tier\":\"HIGH\",\"score\":88,\"priorityKey\":\"2-9-012-0000000000000\","
                + "\"submittedAt\":\"2026-01-01T00:00:00.000Z\"}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
