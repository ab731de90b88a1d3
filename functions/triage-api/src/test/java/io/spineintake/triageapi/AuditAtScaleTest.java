package io.spineintake.triageapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.AuditTrail;
import io.spineintake.platform.referrals.Referral;
import io.spineintake.platform.referrals.ReferralRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit trail at scale: every entry is its own item, so the referral item stays small however
 * often it is read, and a change whose entry could not be written loses nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class AuditAtScaleTest {
    static final int VIEWS = 10_000;

    @Test
    void tenThousandViewsLeaveTheReferralSmallAndItCanStillBeDecided(LocalAws aws) throws Exception {
        Api api = new Api(aws);
        String id = api.create(Api.Spec.consult()).referralId();
        int sizeBefore = itemBytes(aws, id);
        ReferralRecord r = api.get(id);
        // views as the detail route records them, eight at a time (the referral item is never written)
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < VIEWS; i += 8) {
                        api.referrals.appendAudit(r, Referral.view("viewer." + (i % 50), api.clock.instant().plusMillis(i)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get(id).version()).as("views change nothing").isEqualTo(1L);
        assertThat(itemBytes(aws, id)).as("the referral item did not grow").isEqualTo(sizeBefore).isLessThan(4_000);

        api.clock.advance(Duration.ofSeconds(20));
        assertThat(api.claim("alice.ng", id).status()).isEqualTo(200);
        Api.Answer decided = api.decide("alice.ng", id, 2, Map.of("outcome", "SCHEDULE_CONSULT", "note", "Booked."));
        assertThat(decided.status()).isEqualTo(200);

        Api.Answer detail = api.view("alice.ng", id);
        assertThat(detail.status()).isEqualTo(200);
        List<String> actions = new java.util.ArrayList<>();
        detail.body().path("audit").forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).hasSize(VIEWS + 4);
        assertThat(actions.get(0)).isEqualTo("CREATED");
        assertThat(actions.subList(actions.size() - 3, actions.size())).containsExactly("CLAIMED", "DECIDED", "VIEWED");
        assertThat(itemBytes(aws, id)).isLessThan(4_000);
    }

    @Test
    void aChangeWhoseEntryWasNotWrittenIsStillInTheTrailAndIsWrittenWithTheNextChange(LocalAws aws) {
        Api api = new Api(aws);
        String id = api.create(Api.Spec.consult()).referralId();
        assertThat(api.claim("alice.ng", id).status()).isEqualTo(200);
        // as if the function stopped between the referral's write and its entry's: remove the entry
        ReferralRecord claimed = api.get(id);
        AuditEntry claim = claimed.lastEntry();
        assertThat(claim.action()).isEqualTo(AuditAction.CLAIMED);
        aws.clients().dynamoDb().deleteItem(d -> d.tableName(aws.auditTable()).key(Map.of(
                AuditTrail.REFERRAL_ID, AttributeValue.fromS(id),
                AuditTrail.ENTRY_KEY, AttributeValue.fromS(AuditTrail.keyOf(claim, claim.version())))));
        assertThat(new AuditTrail(aws.clients(), aws.auditTable()).read(id)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATED);

        assertThat(api.audit(claimed)).as("read with the referral's last entry").extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATED, AuditAction.CLAIMED);
        assertThat(api.release("alice.ng", id).status()).isEqualTo(200);
        assertThat(new AuditTrail(aws.clients(), aws.auditTable()).read(id)).as("the next change wrote it first")
                .extracting(AuditEntry::action).containsExactly(AuditAction.CREATED, AuditAction.CLAIMED, AuditAction.RELEASED);
    }

    static int itemBytes(LocalAws aws, String id) {
        Map<String, AttributeValue> item = aws.clients().dynamoDb().getItem(g -> g.tableName(aws.referralsTable())
                .key(Map.of(ReferralRecord.REFERRAL_ID, AttributeValue.fromS(id))).consistentRead(true)).item();
        return item.toString().length();
    }
}
