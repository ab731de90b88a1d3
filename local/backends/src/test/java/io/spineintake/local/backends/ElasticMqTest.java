package io.spineintake.local.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.spineintake.platform.consult.ConsultQueue;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalAwsExtension.class)
class ElasticMqTest {

    @Test
    void consultQueueIsFifoWithItsDeadLetterQueue(LocalAws aws) {
        SqsClient sqs = aws.clients().sqs();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(aws.consultQueueUrl())
                .attributeNames(QueueAttributeName.ALL)).attributes();

        assertThat(aws.sqsEndpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(aws.consultQueueUrl()).endsWith(aws.prefix() + "-consult-queue.fifo");
        assertThat(attributes)
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "180");
        // ElasticMQ accepts MessageRetentionPeriod but neither keeps nor reports it: TemplateTest checks
        // the retention periods of Provisioning's definitions against template.yaml instead
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(aws.prefix() + "-consult-dlq.fifo")
                .contains("\"maxReceiveCount\":" + ConsultQueue.MAX_RECEIVE_COUNT);
    }

    @Test
    void sameDeduplicationIdIsDeliveredOnce(LocalAws aws) {
        SqsClient sqs = aws.clients().sqs();
        for (int i = 0; i < 3; i++) {
            sqs.sendMessage(r -> r.queueUrl(aws.consultQueueUrl()).messageBody("{\"intakeId\":\"i-1\"}")
                    .messageGroupId("P01").messageDeduplicationId("i-1"));
        }
        sqs.sendMessage(r -> r.queueUrl(aws.consultQueueUrl()).messageBody("{\"intakeId\":\"i-2\"}")
                .messageGroupId("P01").messageDeduplicationId("i-2"));

        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(aws.consultQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();

        assertThat(received).extracting(Message::body).containsExactly("{\"intakeId\":\"i-1\"}", "{\"intakeId\":\"i-2\"}");
    }

    @Test
    void messageMovesToTheDeadLetterQueueAfterMaxReceives(LocalAws aws) {
        SqsClient sqs = aws.clients().sqs();
        sqs.sendMessage(r -> r.queueUrl(aws.consultQueueUrl()).messageBody("poison")
                .messageGroupId("P02").messageDeduplicationId("poison-1"));

        for (int i = 0; i < ConsultQueue.MAX_RECEIVE_COUNT; i++) {
            assertThat(sqs.receiveMessage(r -> r.queueUrl(aws.consultQueueUrl()).visibilityTimeout(0).waitTimeSeconds(1))
                    .messages()).as("receive %d", i + 1).hasSize(1);
        }

        assertThat(sqs.receiveMessage(r -> r.queueUrl(aws.consultQueueUrl()).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(aws.consultDeadLetterQueueUrl()).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("poison");
    }

    @Test
    void restartsOnTheSamePort(LocalAws aws) {
        int port = aws.elasticMq().port();
        try {
            aws.stopSqs();
            assertThatThrownBy(() -> aws.clients().sqs().listQueues()).isInstanceOf(SdkClientException.class);
        } finally {
            aws.startSqs();
        }

        assertThat(aws.elasticMq().port()).isEqualTo(port);
        aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.consultQueueUrl()).messageBody("after restart")
                .messageGroupId("P03").messageDeduplicationId("r-1"));
        assertThat(aws.clients().sqs().receiveMessage(r -> r.queueUrl(aws.consultQueueUrl()).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("after restart");
    }

    @Test
    void provisioningAgainChangesNothing(LocalAws aws) {
        Provisioning.Resources again = Provisioning.provision(aws.clients(), aws.prefix());

        assertThat(again.consultQueueUrl()).isEqualTo(aws.consultQueueUrl());
        assertThat(again.consultDeadLetterQueueUrl()).isEqualTo(aws.consultDeadLetterQueueUrl());
        assertThat(again.intakesTable()).isEqualTo(aws.intakesTable());
    }
}
