package io.spineintake.platform.referrals;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.BackendUnavailableException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The referrals table. Every write is one conditional single-item write. */
public final class ReferralRepository {
    private static final Expression NEW_REFERRAL = Expression.builder()
            .expression("attribute_not_exists(#id)")
            .putExpressionName("#id", ReferralRecord.REFERRAL_ID)
            .build();

    private final DynamoDbTable<ReferralRecord> table;

    public ReferralRepository(AwsClients clients, String tableName) {
        this.table = clients.dynamoDbEnhanced().table(Objects.requireNonNull(tableName, "tableName"),
                ReferralRecord.TABLE_SCHEMA);
    }

    /** @return false when the referral already exists (a redelivered message): nothing is written */
    public boolean createIfAbsent(ReferralRecord referral) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(ReferralRecord.class).item(referral)
                    .conditionExpression(NEW_REFERRAL).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB PutItem", e);
        }
    }

    public Optional<ReferralRecord> get(String referralId) {
        try {
            return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(referralId).build()).consistentRead(true).build()));
        } catch (SdkException e) {
            throw BackendUnavailableException.translate("DynamoDB GetItem", e);
        }
    }
}
