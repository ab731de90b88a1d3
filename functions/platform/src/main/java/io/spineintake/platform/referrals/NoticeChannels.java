package io.spineintake.platform.referrals;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The clinic's two SNS topics: the on-call channel (alerts) and the escalation channel. */
public final class NoticeChannels {
    private final SnsClient sns;
    private final String alertTopicArn;
    private final String escalationTopicArn;

    public NoticeChannels(AwsClients clients, String alertTopicArn, String escalationTopicArn) {
        this.sns = clients.sns();
        this.alertTopicArn = Objects.requireNonNull(alertTopicArn, "alertTopicArn");
        this.escalationTopicArn = Objects.requireNonNull(escalationTopicArn, "escalationTopicArn");
    }

    /** @throws BackendUnavailableException when SNS does not take the message (after the SDK's retries) */
    public void publish(Notices.Kind kind, Notices.Message message) {
        try {
            sns.publish(PublishRequest.builder()
                    .topicArn(kind == Notices.Kind.ALERT ? alertTopicArn : escalationTopicArn)
                    .subject(message.subject())
                    .message(message.body())
                    .build());
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("SNS Publish", e);
        }
    }
}
