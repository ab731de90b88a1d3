package io.spineintake.platform.consult;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends referral summaries to the FIFO consult queue. The deduplication id is the intake id, so a
 * re-send within SQS's deduplication window is dropped by the queue; after it, the consumer's
 * conditional write drops it. Each intake is its own message group: FIFO order only matters per
 * intake, and one slow or failing message never holds up another intake's.
 */
public final class ConsultQueuePublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public ConsultQueuePublisher(AwsClients clients, String queueUrl) {
        this.sqs = clients.sqs();
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    /** @throws BackendUnavailableException when the queue cannot be reached */
    public void send(ReferralSummary summary) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl)
                    .messageBody(summary.toJson())
                    .messageGroupId(summary.intakeId())
                    .messageDeduplicationId(summary.intakeId()));
        } catch (SdkException e) {
            // any failure to send leaves the intake PENDING for the reconciler: report it as unavailable
            throw new BackendUnavailableException("SQS SendMessage failed", e);
        }
    }
}
