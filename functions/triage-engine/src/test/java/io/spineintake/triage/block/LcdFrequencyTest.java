package io.spineintake.triage.block;

import static io.spineintake.triage.block.Diaries.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import io.spineintake.triage.form.Anaesthetic;
import io.spineintake.triage.form.Region;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LcdFrequencyTest {
    static final LocalDate JAN = LocalDate.of(2026, 1, 10);

    static Session diagnostic(LocalDate d, RegionGroup g) {
        return new Session(d, g, SessionKind.DIAGNOSTIC);
    }

    static List<Session> fourLumbarDiagnosticSessions() {
        return List.of(diagnostic(JAN, RegionGroup.LUMBAR_SACRAL), diagnostic(JAN.plusMonths(2), RegionGroup.LUMBAR_SACRAL),
                diagnostic(JAN.plusMonths(5), RegionGroup.LUMBAR_SACRAL), diagnostic(JAN.plusMonths(8), RegionGroup.LUMBAR_SACRAL));
    }

    @Test
    void aFifthDiagnosticSessionIn12MonthsInOneRegionIsWarned() {
        Session fifth = diagnostic(JAN.plusMonths(10), RegionGroup.LUMBAR_SACRAL);
        BookingCheck check = LcdFrequency.check(fourLumbarDiagnosticSessions(), fifth, RULES);
        assertThat(check.limit()).isEqualTo(4);
        assertThat(check.countWithBooking()).isEqualTo(5);
        assertThat(check.breaksLimit()).isTrue();
        assertThat(check.counted()).hasSize(5).contains(fifth);
        assertThat(check.warning()).contains("DIAGNOSTIC", "LUMBAR_SACRAL", "at most 4", "12 months");
    }

    @Test
    void theFourthIsAllowedTheOtherRegionGroupAndOtherKindsDoNotCount() {
        List<Session> four = fourLumbarDiagnosticSessions();
        BookingCheck fourth = LcdFrequency.check(four.subList(0, 3), four.get(3), RULES);
        assertThat(fourth.breaksLimit()).isFalse();
        assertThat(fourth.warning()).isNull();
        assertThat(fourth.remaining()).isZero();

        assertThat(LcdFrequency.check(four, diagnostic(JAN.plusMonths(10), RegionGroup.CERVICAL_THORACIC), RULES)
                .breaksLimit()).isFalse();
        assertThat(LcdFrequency.check(four, new Session(JAN.plusMonths(10), RegionGroup.LUMBAR_SACRAL,
                SessionKind.THERAPEUTIC), RULES).breaksLimit()).isFalse();
    }

    @Test
    void aSessionStopsCountingOnItsAnniversary() {
        List<Session> four = fourLumbarDiagnosticSessions();
        assertThat(LcdFrequency.check(four, diagnostic(JAN.plusMonths(12).minusDays(1), RegionGroup.LUMBAR_SACRAL), RULES)
                .breaksLimit()).isTrue();
        assertThat(LcdFrequency.check(four, diagnostic(JAN.plusMonths(12), RegionGroup.LUMBAR_SACRAL), RULES)
                .breaksLimit()).isFalse();
    }

    @Test
    void aBookingBeforeSessionsAlreadyBookedCountsThemToo() {
        List<Session> four = fourLumbarDiagnosticSessions();
        // before the first of them, but within 12 months of all four
        Session earlier = diagnostic(JAN.minusDays(20), RegionGroup.LUMBAR_SACRAL);
        BookingCheck check = LcdFrequency.check(four, earlier, RULES);
        assertThat(check.breaksLimit()).isTrue();
        assertThat(check.windowTo()).isEqualTo(JAN.plusMonths(8));
    }

    @Test
    void twoEpisodesOnOneDayInOneRegionGroupAreOneSession() {
        ZoneId zone = ZoneId.of("America/New_York");
        BlockEpisode left = Diaries.episode("l", Anaesthetic.LIDOCAINE, 6);
        BlockEpisode cervical = Diaries.episode("c", Anaesthetic.LIDOCAINE, Region.CERVICAL, DiagnosticBlock.FIRST, 6,
                Diaries.ENDED);
        Session s = Session.of(left, zone);
        assertThat(s.kind()).isEqualTo(SessionKind.DIAGNOSTIC);
        assertThat(s.group()).isEqualTo(RegionGroup.LUMBAR_SACRAL);
        assertThat(Session.of(cervical, zone).group()).isEqualTo(RegionGroup.CERVICAL_THORACIC);
        List<Session> three = new ArrayList<>(fourLumbarDiagnosticSessions().subList(0, 3));
        three.add(s);
        BookingCheck sameDay = LcdFrequency.check(three, s, RULES);
        assertThat(sameDay.countWithBooking()).isEqualTo(4);
    }

    @Test
    void countsPerRegionGroupAndKind() {
        List<Session> sessions = new ArrayList<>(fourLumbarDiagnosticSessions());
        sessions.add(new Session(JAN.plusMonths(9), RegionGroup.LUMBAR_SACRAL, SessionKind.RFA));
        sessions.add(diagnostic(JAN.plusMonths(9), RegionGroup.CERVICAL_THORACIC));
        var counts = LcdFrequency.counts(sessions, JAN.plusMonths(11), RULES);
        assertThat(counts.get(RegionGroup.LUMBAR_SACRAL).get(SessionKind.DIAGNOSTIC)).isEqualTo(4);
        assertThat(counts.get(RegionGroup.LUMBAR_SACRAL).get(SessionKind.RFA)).isEqualTo(1);
        assertThat(counts.get(RegionGroup.CERVICAL_THORACIC).get(SessionKind.DIAGNOSTIC)).isEqualTo(1);
        assertThat(counts.get(RegionGroup.CERVICAL_THORACIC).get(SessionKind.THERAPEUTIC)).isZero();
        assertThat(LcdFrequency.counts(sessions, JAN.plusMonths(13), RULES).get(RegionGroup.LUMBAR_SACRAL)
                .get(SessionKind.DIAGNOSTIC)).isEqualTo(3);
    }

    /** n sessions a month apart, then one more: warned exactly when it makes more than the limit. */
    @Property
    void aBookingIsWarnedExactlyWhenItWouldExceedTheLimit(@ForAll @IntRange(min = 0, max = 8) int n,
            @ForAll("kinds") SessionKind kind) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sessions.add(new Session(JAN.plusMonths(i), RegionGroup.LUMBAR_SACRAL, kind));
        }
        BookingCheck check = LcdFrequency.check(sessions,
                new Session(JAN.plusMonths(n), RegionGroup.LUMBAR_SACRAL, kind), RULES);
        int limit = RULES.limit(RegionGroup.LUMBAR_SACRAL, kind);
        assertThat(check.countWithBooking()).isEqualTo(n + 1);
        assertThat(check.breaksLimit()).isEqualTo(n + 1 > limit);
        assertThat(check.warning() != null).isEqualTo(n + 1 > limit);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<SessionKind> kinds() {
        return net.jqwik.api.Arbitraries.of(SessionKind.class);
    }
}
