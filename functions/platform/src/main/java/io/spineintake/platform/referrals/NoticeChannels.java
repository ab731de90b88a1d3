package io.spineintake.platform.referrals;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The clinic's two SNS topics: the on-call channel (alerts) and the escalation channel. The SNS
 * client is built at the first notice, not with the function: most cold starts send none, and the
 * client costs a cold start about 200 classes (issue 14). Under SnapStart the priming hooks send a
 * notice offline, so the snapshot holds the client and its publish path.
 */
public final class NoticeChannels {
    private final AwsClients clients;
    private final String alertTopicArn;
    private final String escalationTopicArn;

    public NoticeChannels(AwsClients clients, String alertTopicArn, String escalationTopicArn) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.alertTopicArn = Objects.requireNonNull(alertTopicArn, "alertTopicArn");
        this.escalationTopicArn = Objects.requireNonNull(escalationTopicArn, "escalationTopicArn");
    }

    /** @throws BackendUnavailableException when SNS does not take the message (after the SDK's retries) */
    public void publish(Notices.Kind kind, Notices.Message message) {
        try {
            clients.sns().publish(PublishRequest.builder()
                    .topicArn(kind == Notices.Kind.ALERT ? alertTopicArn : escalationTopicArn)
                    .subject(message.subject())
                    .message(message.body())
                    .build());
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("SNS Publish", e);
        }
    }
}
