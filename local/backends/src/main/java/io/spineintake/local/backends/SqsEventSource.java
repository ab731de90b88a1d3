package io.spineintake.local.backends;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * What Lambda's SQS event source does, for local runs and tests: receive a batch, hand it to the
 * function as an SQSEvent in the shape Lambda sends, delete the messages the function did not
 * report as failed, and leave the failed ones to come back after their visibility timeout (and to
 * reach the dead-letter queue after maxReceiveCount receives, which the queue itself enforces).
 */
public final class SqsEventSource {
    /** One poll: how many messages came and which were reported failed. */
    public record Poll(int received, List<String> failedMessageIds) {
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final Function<SQSEvent, SQSBatchResponse> function;

    public SqsEventSource(SqsClient sqs, String queueUrl, String region, Function<SQSEvent, SQSBatchResponse> function) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.region = region;
        this.function = function;
    }

    /**
     * Receives up to {@code batchSize} messages (waiting up to {@code waitSeconds}) and invokes the
     * function once with them. A function that throws fails the whole batch, as in Lambda.
     *
     * @param retryFailedAtOnce make failed messages visible again at once, as if their visibility
     *        timeout had passed (keeps tests fast; Lambda itself waits out the timeout)
     */
    public Poll pollOnce(int batchSize, int waitSeconds, boolean retryFailedAtOnce) {
        ReceiveMessageResponse received = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All"));
        List<Message> messages = received.messages();
        if (messages.isEmpty()) {
            return new Poll(0, List.of());
        }
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            records.add(record(m));
        }
        event.setRecords(records);

        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response = function.apply(event);
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            messages.forEach(m -> failed.add(m.messageId()));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(m.receiptHandle()).build());
            } else if (retryFailedAtOnce) {
                sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return new Poll(messages.size(), List.copyOf(failed));
    }

    /** Polls until a poll receives nothing; returns how many messages were received in all. */
    public int drain(int batchSize, boolean retryFailedAtOnce) {
        int total = 0;
        for (Poll p = pollOnce(batchSize, 0, retryFailedAtOnce); p.received() > 0; p = pollOnce(batchSize, 0, retryFailedAtOnce)) {
            total += p.received();
        }
        return total;
    }

    private SQSEvent.SQSMessage record(Message m) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setReceiptHandle(m.receiptHandle());
        r.setBody(m.body());
        r.setMd5OfBody(m.md5OfBody());
        r.setEventSource("aws:sqs");
        r.setEventSourceArn(queueArn);
        r.setAwsRegion(region);
        Map<String, String> attributes = new HashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        r.setAttributes(attributes);
        r.setMessageAttributes(Map.of());
        return r;
    }
}
