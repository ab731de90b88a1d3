package io.spineintake.consult;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.spineintake.platform.Priming;
import java.util.List;

/**
 * SnapStart priming of the consult queue's consumer ({@link Priming}): a batch of two synthetic
 * referral summaries (fixed ids, no patient data; summaries never hold any), a consult and an
 * emergency, is read, turned into referrals and put with their creation entries (a change's entry
 * key is derived, nothing random), and the emergency's alert is claimed, published and recorded,
 * offline: nothing reaches the referrals table, the audit table or the on-call topic. The alert is
 * primed because it is the one notice whose latency matters, and its SNS client is built at the
 * first notice ({@link io.spineintake.platform.referrals.NoticeChannels}).
 */
public final class ConsultQueuePriming {
    static final String INTAKE_ID = "00000000-0000-4000-8000-000000000000";
    static final String EMERGENCY_INTAKE_ID = "00000000-0000-4000-8000-000000000001";

    private ConsultQueuePriming() {
    }

    static SQSBatchResponse prime(ConsultQueueHandler handler) {
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(message(Priming.REQUEST_ID, summary(INTAKE_ID, "CONSULT", "HIGH", 88, "2-9-012", "")),
                message(Priming.REQUEST_ID + "-emergency",
                        summary(EMERGENCY_INTAKE_ID, "EMERGENCY", "LOW", 0, "0-9-100", ",\"redFlags\":[\"H_SADDLE_NUMBNESS\"]"))));
        return Priming.offline(() -> handler.handleRequest(batch, Priming.context()));
    }

    /** A batch of one consult-queue message for intake {@code intakeId} (also the cold-start harness's event). */
    public static SQSEvent event(String intakeId, String messageId) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message(messageId, summary(intakeId, "CONSULT", "HIGH", 88, "2-9-012", ""))));
        return event;
    }

    private static SQSEvent.SQSMessage message(String messageId, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setEventSource("aws:sqs");
        message.setBody(body);
        return message;
    }

    /** A referral summary as the consult queue carries it; {@code more} is extra fields, each led by a comma. */
    private static String summary(String intakeId, String disposition, String tier, int score, String keyPrefix, String more) {
        return "{\"intakeId\":\"" + intakeId + "\",\"regions\":[\"LUMBAR\"],\"disposition\":\"" + disposition
                + "\",\"tier\":\"" + tier + "\",\"score\":" + score + ",\"priorityKey\":\"" + keyPrefix
                + "-0000000000000\",\"submittedAt\":\"2026-01-01T00:00:00.000Z\"" + more + "}";
    }
}
