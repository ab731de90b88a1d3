package io.spineintake.platform.priorauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spineintake.platform.Json;
import io.spineintake.platform.Timestamps;
import io.spineintake.platform.blocks.BlockRepository;
import io.spineintake.platform.blocks.EntryItem;
import io.spineintake.platform.blocks.EpisodeItem;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.referrals.AuditAction;
import io.spineintake.platform.referrals.AuditEntry;
import io.spineintake.platform.referrals.ReferralRecord;
import io.spineintake.platform.referrals.ReferralRepository;
import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.block.BlockDiary;
import io.spineintake.triage.block.BlockRules;
import io.spineintake.triage.block.BlockVerdict;
import io.spineintake.triage.block.Session;
import io.spineintake.triage.form.IntakeForm;
import io.spineintake.triage.form.Region;
import io.spineintake.triage.priorauth.PacketAssembly;
import io.spineintake.triage.priorauth.PriorAuthPacket;
import io.spineintake.triage.priorauth.ProcedureCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a prior-authorization packet is made from (the referral, its intake form, its blocks
 * and diaries), records the read on the referral's audit trail, and has the engine assemble the
 * packet ({@link PacketAssembly}). Shared by the JSON route (triage-api) and the PDF function
 * (prior-auth-pdf), so both print the same packet. Reads only; the one write is the audit entry.
 */
public final class PriorAuthPackets {
    private static final Logger LOG = LoggerFactory.getLogger(PriorAuthPackets.class);
    /** 422: the path's region is not cervical, thoracic or lumbar. */
    public static final String UNKNOWN_REGION = "urn:spine-intake:problem:unknown-region";

    private final ReferralRepository referrals;
    private final IntakeRepository intakes;
    private final BlockRepository blocks;
    private final TriageEngine engine;
    private final BlockRules rules;
    private final ProcedureCodes codes;
    private final java.time.ZoneId clinicZone;
    private final Clock clock;

    public PriorAuthPackets(ReferralRepository referrals, IntakeRepository intakes, BlockRepository blocks,
            TriageEngine engine, BlockRules rules, ProcedureCodes codes, java.time.ZoneId clinicZone, Clock clock) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.intakes = Objects.requireNonNull(intakes, "intakes");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clinicZone = Objects.requireNonNull(clinicZone, "clinicZone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The packet of a referral and region; empty when there is no such referral. The read is
     * recorded as {@code action} (its note names the region, never a patient detail).
     */
    public Optional<PriorAuthPacket> packet(String referralId, Region region, String actor, AuditAction action) {
        Optional<ReferralRecord> found = referrals.get(referralId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReferralRecord referral = found.get();
        Instant now = clock.instant();
        referrals.appendAudit(referral, AuditEntry.builder().at(Timestamps.of(now)).actor(actor)
                .action(action).note(region.name()).build());
        IntakeRecord intake = referral.intakeId() == null ? null : intakes.get(referral.intakeId()).orElse(null);
        IntakeForm form = form(intake, referralId);
        BlockRepository.Contents contents = blocks.contents(referralId);
        List<BlockVerdict> verdicts = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (EpisodeItem e : contents.episodes().stream().sorted(Comparator.comparing(EpisodeItem::ended)
                .thenComparing(EpisodeItem::episodeId)).toList()) {
            List<EntryItem> entries = contents.entriesOf(e.episodeId()).stream()
                    .sorted(Comparator.comparing(EntryItem::minutes)).toList();
            verdicts.add(BlockDiary.assess(e.episode(), entries.stream().map(EntryItem::entry).toList(), rules));
            sessions.add(Session.of(e.episode(), clinicZone));
        }
        Instant receivedAt = form == null ? null : Instant.parse(intake.receivedAt());
        return Optional.of(PacketAssembly.assemble(new PacketAssembly.Input(referralId, region, form, receivedAt,
                form == null ? List.of() : engine.readiness(form, region), engine.ruleSetVersion(), verdicts, sessions,
                now.atZone(clinicZone).toLocalDate(), clinicZone, rules, codes)));
    }

    /** The region of a path segment: "lumbar" or "LUMBAR" (the console writes lower case); empty otherwise. */
    public static Optional<Region> region(String segment) {
        if (segment == null) {
            return Optional.empty();
        }
        for (Region r : Region.values()) {
            if (r.name().equals(segment) || r.name().toLowerCase(java.util.Locale.ROOT).equals(segment)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The stored form; null (and a warning naming only the referral id) when missing or unreadable. */
    private static IntakeForm form(IntakeRecord intake, String referralId) {
        if (intake == null || intake.formJson() == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(intake.formJson(), IntakeForm.class);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("stored form of referral {} could not be read ({}); packet made without it", referralId,
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
