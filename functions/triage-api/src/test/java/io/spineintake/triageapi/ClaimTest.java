package io.spineintake.triageapi;

import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.platform.referrals.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /referrals/{id}/claim and /release: one conditional write each, leases on a hand-moved clock. */
@ExtendWith(LocalAwsExtension.class)
class ClaimTest {
    Api api;

    @BeforeEach
    void setUp(LocalAws aws) {
        api = new Api(aws);
    }

    @Test
    void twoCoordinatorsClaimingAtTheSameMomentOneWinsFiftyTimesOver() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 50; i++) {
                String id = api.create(Api.Spec.consult()).referralId();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (String user : List.of("alice.ng", "bob.okafor")) {
                    answers.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return api.claim(user, id);
                    }));
                }
                Api.Answer a = answers.get(0).get(20, TimeUnit.SECONDS);
                Api.Answer b = answers.get(1).get(20, TimeUnit.SECONDS);
                assertThat(List.of(a.status(), b.status())).as("round %d", i).containsExactlyInAnyOrder(200, 409);
                Api.Answer winner = a.status() == 200 ? a : b;
                Api.Answer loser = a.status() == 200 ? b : a;
                String holder = winner.body().path("assignee").asText();
                assertThat(loser.type()).isEqualTo(ApiProblem.CLAIMED_BY_ANOTHER);
                assertThat(loser.body().path("detail").asText()).contains(holder);

                ReferralRecord r = api.get(id);
                assertThat(r.status()).isEqualTo(ReferralStatus.IN_REVIEW);
                assertThat(r.assignee()).isEqualTo(holder);
                assertThat(r.version()).isEqualTo(2L);
                assertThat(api.audit(r)).filteredOn(e -> e.action() == AuditAction.CLAIMED).hasSize(1)
                        .allSatisfy(e -> assertThat(e.actor()).isEqualTo(holder));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimAnswersTheSummaryWithAnETagAndALease() {
        ReferralRecord created = api.create(Api.Spec.consult());
        Api.Answer a = api.claim("alice.ng", created.referralId());

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.etag()).isEqualTo("\"2\"");
        assertThat(a.body().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(a.body().path("assignee").asText()).isEqualTo("alice.ng");
        assertThat(a.body().path("leaseUntil").asText()).isEqualTo("2026-11-27T09:30:00.000Z");
        assertThat(a.body().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void anExpiredLeaseCanBeTakenByAnotherAndTheHolderReclaimingExtendsIt() {
        String id = api.create(Api.Spec.consult()).referralId();
        assertThat(api.claim("alice.ng", id).status()).isEqualTo(200);

        api.clock.advance(Duration.ofMinutes(20));
        Api.Answer taken = api.claim("bob.okafor", id);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("detail").asText())
                .isEqualTo("Claimed by another coordinator (alice.ng) until 2026-11-27T09:30:00.000Z.");

        // the holder claims again: the lease now runs 30 minutes from 09:20
        Api.Answer extended = api.claim("alice.ng", id);
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.body().path("leaseUntil").asText()).isEqualTo("2026-11-27T09:50:00.000Z");
        assertThat(extended.etag()).isEqualTo("\"3\"");

        api.clock.advance(Duration.ofMinutes(29));
        assertThat(api.claim("bob.okafor", id).status()).as("09:49: still alice's").isEqualTo(409);

        api.clock.advance(Duration.ofMinutes(1));
        Api.Answer bob = api.claim("bob.okafor", id);
        assertThat(bob.status()).as("09:50: the lease has ended").isEqualTo(200);
        assertThat(bob.body().path("assignee").asText()).isEqualTo("bob.okafor");
        assertThat(api.audit(api.get(id))).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.CREATED, "system"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CLAIMED, "alice.ng"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CLAIMED, "alice.ng"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CLAIMED, "bob.okafor"));

        // alice's lease is gone: she can no longer release it
        Api.Answer release = api.release("alice.ng", id);
        assertThat(release.status()).isEqualTo(409);
        assertThat(release.type()).isEqualTo(ApiProblem.CLAIM_NOT_HELD);
    }

    @Test
    void theHolderReleasesAndAnotherCoordinatorClaims() {
        String id = api.create(Api.Spec.consult()).referralId();
        api.claim("alice.ng", id);

        Api.Answer notHolder = api.release("bob.okafor", id);
        assertThat(notHolder.status()).isEqualTo(409);
        assertThat(notHolder.type()).isEqualTo(ApiProblem.CLAIM_NOT_HELD);

        Api.Answer released = api.release("alice.ng", id);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().path("status").asText()).isEqualTo("NEW");
        assertThat(released.body().path("assignee").isNull()).isTrue();
        assertThat(released.body().path("leaseUntil").isNull()).isTrue();
        assertThat(released.etag()).isEqualTo("\"3\"");

        assertThat(api.release("alice.ng", id).status()).as("nothing left to release").isEqualTo(409);
        assertThat(api.claim("bob.okafor", id).status()).isEqualTo(200);
    }

    @Test
    void unknownOrMalformedIdsAreNotFoundAndClosedReferralsCannotBeClaimed() {
        assertThat(api.claim("alice.ng", "6b0f3c8e-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(api.claim("alice.ng", "not-a-uuid").status()).isEqualTo(404);
        assertThat(api.release("alice.ng", "6b0f3c8e-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(api.claim("alice.ng", "not-a-uuid").type()).isEqualTo(ApiProblem.REFERRAL_NOT_FOUND);

        String id = api.create(Api.Spec.consult()).referralId();
        api.claim("alice.ng", id);
        assertThat(api.decide("alice.ng", id, 2, java.util.Map.of("outcome", "DECLINED")).status()).isEqualTo(200);
        Api.Answer closed = api.claim("bob.okafor", id);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.type()).isEqualTo(ApiProblem.REFERRAL_CLOSED);
        assertThat(closed.body().path("detail").asText()).contains("closed");
        assertThat(api.release("alice.ng", id).type()).isEqualTo(ApiProblem.REFERRAL_CLOSED);
    }
}
