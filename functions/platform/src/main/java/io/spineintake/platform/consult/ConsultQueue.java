package io.spineintake.platform.consult;

/**
 * The consult queue (FIFO) and its dead-letter queue: names and attribute values shared by
 * local provisioning and template.yaml (a test compares them).
 */
public final class ConsultQueue {

    /** Queue name in a stack or local prefix "P": "P-consult-queue.fifo" (or this alone without a prefix). */
    public static final String QUEUE_NAME_SUFFIX = "consult-queue.fifo";
    public static final String DLQ_NAME_SUFFIX = "consult-dlq.fifo";

    public static final boolean FIFO = true;
    /** Senders always give a MessageDeduplicationId (the intake id). */
    public static final boolean CONTENT_BASED_DEDUPLICATION = false;
    public static final int VISIBILITY_TIMEOUT_SECONDS = 180;
    /** 4 days. */
    public static final int QUEUE_RETENTION_SECONDS = 345_600;
    /** 14 days, the SQS maximum. */
    public static final int DLQ_RETENTION_SECONDS = 1_209_600;
    public static final int MAX_RECEIVE_COUNT = 5;

    private ConsultQueue() {
    }
}
