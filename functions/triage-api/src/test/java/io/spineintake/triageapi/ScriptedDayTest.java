package io.spineintake.triageapi;

import io.spineintake.triage.assess.Disposition;

import io.spineintake.platform.referrals.Outcome;

import io.spineintake.platform.referrals.ReferralStatus;
import io.spineintake.platform.referrals.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.local.backends.LocalAws;
import io.spineintake.local.backends.LocalAwsExtension;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A coordinators' day over 50 referrals: claims, views, decisions (some overridden, some escalated,
 * some waiting for the patient and decided later, some released and taken by another coordinator,
 * some leases left to expire). Afterwards every referral's audit trail, replayed, gives exactly its
 * current status, assignee, outcome, disposition and version.
 */
@ExtendWith(LocalAwsExtension.class)
class ScriptedDayTest {
    static final String ALICE = "alice.ng";
    static final String BOB = "bob.okafor";
    static final String CAROL = "carol.diaz";

    Api api;

    @Test
    void replayingEachAuditTrailGivesTheReferralsState(LocalAws aws) {
        api = new Api(aws);
        List<String> ids = new ArrayList<>();
        String[] dispositions = {"CONSULT", "CONSULT", "URGENT_REVIEW", "EMERGENCY", "CONSULT"};
        for (int i = 0; i < 50; i++) {
            ids.add(api.create(Api.Spec.consult().disposition(dispositions[i % 5])).referralId());
        }
        Map<String, Integer> scenarioCounts = new LinkedHashMap<>();
        List<String> later = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String first = List.of(ALICE, BOB, CAROL).get(i % 3);
            String second = List.of(BOB, CAROL, ALICE).get(i % 3);
            int scenario = i % 10;
            scenarioCounts.merge("scenario " + scenario, 1, Integer::sum);
            api.clock.advance(Duration.ofMinutes(2));
            switch (scenario) {
                case 0 -> { // claim, view, schedule
                    long v = claim(first, id);
                    view(first, id);
                    decide(first, id, v, closing(id, "Facet clinic, ConfidentialNoteMarker " + i));
                }
                case 1 -> { // overridden to conservative care
                    long v = claim(first, id);
                    view(first, id);
                    Map<String, Object> d = decision("CONSERVATIVE_CARE_FIRST", null);
                    d.put("overrideDisposition", "CONSERVATIVE_CARE_FIRST");
                    d.put("reason", "Physio not yet tried properly.");
                    decide(first, id, v, d);
                }
                case 2 -> { // escalated, then picked up and scheduled by another coordinator
                    long v = claim(first, id);
                    if (!api.get(id).disposition().name().equals("CONSULT")) {
                        decide(first, id, v, closing(id, null));
                    } else {
                        decide(first, id, v, decision("ESCALATE_TO_URGENT", "Worse at night."));
                        long v2 = claim(second, id);
                        view(second, id);
                        decide(second, id, v2, closing(id, null));
                    }
                }
                case 3 -> { // needs more information; decided later in the day
                    long v = claim(first, id);
                    decide(first, id, v, decision("NEEDS_MORE_INFORMATION", "Ask for the MRI report."));
                    later.add(id);
                }
                case 4 -> { // released, re-claimed by another, declined
                    claim(first, id);
                    assertThat(api.release(first, id).status()).isEqualTo(200);
                    long v = claim(second, id);
                    view(first, id);
                    decide(second, id, v, decision("DECLINED", null));
                }
                case 5 -> { // the lease runs out; another coordinator takes it
                    claim(first, id);
                    api.clock.advance(Duration.ofMinutes(31));
                    long v = claim(second, id);
                    assertThat(api.decide(first, id, v, decision("DECLINED", null)).status()).isEqualTo(409);
                    Map<String, Object> d = decision("OTHER_PATHWAY", null);
                    d.put("overrideDisposition", "OTHER_PATHWAY");
                    d.put("reason", "Pain clinic referral fits better.");
                    decide(second, id, v, d);
                }
                case 6 -> { // claimed and still held at the end of the day, re-claimed once
                    claim(first, id);
                    view(first, id);
                    claim(first, id);
                }
                case 7 -> { // a stale decision is refused, then made on the current version
                    long v = claim(first, id);
                    assertThat(api.decide(first, id, v - 1, decision("DECLINED", null)).status()).isEqualTo(412);
                    decide(first, id, v, closing(id, null));
                }
                case 8 -> view(second, id); // only looked at
                default -> { // claimed, released, left NEW
                    claim(first, id);
                    api.release(first, id);
                }
            }
        }
        api.clock.advance(Duration.ofHours(3));
        for (String id : later) {
            long v = claim(CAROL, id);
            view(CAROL, id);
            Map<String, Object> d = decision("SCHEDULE_CONSULT", "MRI received.");
            d.put("overrideDisposition", "CONSULT");
            d.put("reason", "MRI received: a consult fits.");
            decide(CAROL, id, v, d);
        }

        for (String id : ids) {
            ReferralRecord r = api.get(id);
            Replayed replayed = replay(api.audit(r));
            assertThat(replayed.status).as("status of %s", id).isEqualTo(r.status());
            assertThat(replayed.assignee).as("assignee of %s", id).isEqualTo(r.assignee());
            assertThat(replayed.outcome).as("outcome of %s", id).isEqualTo(r.outcome());
            assertThat(replayed.disposition).as("disposition of %s", id).isEqualTo(r.disposition());
            assertThat(replayed.version).as("version of %s", id).isEqualTo(r.version());
            assertThat(r.worklist() == null).as("closed iff decided").isEqualTo(r.status().name().equals("DECIDED"));
        }
        Map<ReferralStatus, Long> byStatus = new LinkedHashMap<>();
        ids.forEach(id -> byStatus.merge(api.get(id).status(), 1L, Long::sum));
        assertThat(byStatus).containsEntry(ReferralStatus.DECIDED, 35L).containsEntry(ReferralStatus.IN_REVIEW, 5L)
                .containsEntry(ReferralStatus.NEW, 10L);
    }

    /** The state an audit trail describes: CLAIMED takes, RELEASED clears, DECIDED decides, VIEWED changes nothing. */
    static final class Replayed {
        ReferralStatus status;
        String assignee;
        Outcome outcome;
        Disposition disposition;
        long version;
    }

    static Replayed replay(List<AuditEntry> trail) {
        Replayed s = new Replayed();
        for (AuditEntry e : trail) {
            switch (e.action()) {
                case CREATED -> {
                    s.status = e.status();
                    s.disposition = e.disposition();
                    s.version = e.version();
                }
                case CLAIMED -> {
                    s.status = ReferralStatus.IN_REVIEW;
                    s.assignee = e.assignee();
                    s.version++;
                }
                case RELEASED -> {
                    s.status = ReferralStatus.NEW;
                    s.assignee = null;
                    s.version++;
                }
                case DECIDED -> {
                    s.status = e.status();
                    s.outcome = e.outcome();
                    s.disposition = e.disposition();
                    s.assignee = null;
                    assertThat(e.version()).as("a decision's version follows the one before").isEqualTo(s.version + 1);
                    s.version = e.version();
                }
                case VIEWED -> {
                    assertThat(e.status()).isNull();
                }
                default -> throw new AssertionError("unknown audit action " + e.action());
            }
        }
        return s;
    }

    long claim(String user, String id) {
        Api.Answer a = api.claim(user, id);
        assertThat(a.status()).as("%s claims %s", user, id).isEqualTo(200);
        return a.version();
    }

    void view(String user, String id) {
        assertThat(api.view(user, id).status()).isEqualTo(200);
    }

    void decide(String user, String id, long version, Map<String, Object> decision) {
        Api.Answer a = api.decide(user, id, version, decision);
        assertThat(a.status()).as("%s decides %s: %s", user, id, a.body()).isEqualTo(200);
        assertThat(a.etag()).isEqualTo("\"" + (version + 1) + "\"");
    }

    /** The decision that closes the referral as its disposition implies (urgent: reviewed, then a consult). */
    Map<String, Object> closing(String id, String note) {
        Disposition disposition = api.get(id).disposition();
        Map<String, Object> d = decision(disposition == Disposition.EMERGENCY ? "REFERRED_TO_EMERGENCY_CARE"
                : "SCHEDULE_CONSULT", note);
        if (disposition == Disposition.URGENT_REVIEW) {
            d.put("overrideDisposition", "CONSULT");
            d.put("reason", "Reviewed by the clinician: no serious cause found.");
        } else if (disposition == Disposition.EMERGENCY) {
            d.put("reason", "Called the patient: at the emergency department.");
        }
        return d;
    }

    static Map<String, Object> decision(String outcome, String note) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("outcome", outcome);
        if (note != null) {
            d.put("note", note);
        }
        return d;
    }
}
