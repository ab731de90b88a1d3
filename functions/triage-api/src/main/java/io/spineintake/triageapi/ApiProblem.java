package io.spineintake.triageapi;

import io.spineintake.platform.http.Problem;
import io.spineintake.platform.referrals.Referral;
import java.util.List;

/**
 * A request the API refuses, with the RFC 9457 problem to answer. Thrown by the parsers and by
 * {@link ReferralService}; {@link TriageApiHandler} turns it into an application/problem+json
 * response. Details name fields, rules, ids, usernames and times, never a submitted value.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String PREFIX = "urn:spine-intake:problem:";
    /** 403: no coordinators group claim. */
    public static final String NOT_A_COORDINATOR = PREFIX + "not-a-coordinator";
    /** 404: no such referral (or the id is not a UUID). */
    public static final String REFERRAL_NOT_FOUND = PREFIX + "referral-not-found";
    /** 404: a route this function does not serve. */
    public static final String UNKNOWN_ROUTE = PREFIX + "unknown-route";
    /** 400: a query parameter is unknown or has a bad value. */
    public static final String INVALID_QUERY = PREFIX + "invalid-query";
    /** 400: the cursor is not one this API made, or was made for other filters. */
    public static final String INVALID_CURSOR = PREFIX + "invalid-cursor";
    /** 400: the cursor's listing started too long ago; start paging again. */
    public static final String CURSOR_EXPIRED = PREFIX + "cursor-expired";
    /** 409: someone else holds a live claim. */
    public static final String CLAIMED_BY_ANOTHER = PREFIX + "claimed-by-another-coordinator";
    /** 409: the referral is decided (off the worklist). */
    public static final String REFERRAL_CLOSED = PREFIX + "referral-closed";
    /** 409: the caller holds no live claim on the referral. */
    public static final String CLAIM_NOT_HELD = PREFIX + "claim-not-held";
    /** 409: ESCALATE_TO_URGENT on a referral already in the emergency band. */
    public static final String ESCALATION_NOT_APPLICABLE = PREFIX + "escalation-not-applicable";
    /** 428: a decision without If-Match. */
    public static final String IF_MATCH_REQUIRED = PREFIX + "if-match-required";
    /** 400: an If-Match that is not one version. */
    public static final String INVALID_IF_MATCH = PREFIX + "invalid-if-match";
    /** 412: the referral changed since the coordinator read it. */
    public static final String VERSION_MISMATCH = PREFIX + "version-mismatch";
    /** 400: the body is not one JSON object. */
    public static final String MALFORMED_BODY = PREFIX + "malformed-body";
    /** 422: the decision breaks a rule (errors[] name the fields). */
    public static final String INVALID_DECISION = PREFIX + "invalid-decision";
    /** 415: the decision is not sent as application/json. */
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    /** 503: DynamoDB could not be reached; retry later. */
    public static final String BACKEND_UNAVAILABLE = PREFIX + "backend-unavailable";
    /** 500: an unexpected failure. */
    public static final String INTERNAL_ERROR = PREFIX + "internal-error";

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.type(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    static ApiProblem of(int status, String type, String title, String detail) {
        return new ApiProblem(Problem.of(status, title, detail).withType(type));
    }

    static ApiProblem of(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        return new ApiProblem(Problem.of(status, title, detail).withType(type).withErrors(errors));
    }

    static ApiProblem notFound() {
        return of(404, REFERRAL_NOT_FOUND, "Referral not found", "There is no referral with this id.");
    }

    /** The answer to a refusal of the referral aggregate. */
    static ApiProblem refused(Referral.Refusal refusal) {
        if (refusal instanceof Referral.ClaimedByAnother c) {
            return of(409, CLAIMED_BY_ANOTHER, "Claimed by another coordinator",
                    "Claimed by another coordinator (" + c.assignee() + ") until " + c.leaseUntil() + ".");
        }
        if (refusal instanceof Referral.ClaimNotHeld c) {
            return of(409, CLAIM_NOT_HELD, "Claim not held", c.assignee() != null
                    ? "Claimed by another coordinator (" + c.assignee() + ") until " + c.leaseUntil() + "."
                    : c.expired() ? "Your claim expired at " + c.leaseUntil() + "; claim the referral again."
                    : "You do not hold a claim on this referral; claim it first.");
        }
        if (refusal instanceof Referral.VersionMismatch v) {
            return of(412, VERSION_MISMATCH, "Referral has changed",
                    "The referral is at version " + v.current() + ", not the version in If-Match; "
                            + "read it again (GET /referrals/{id}) and decide on what it shows now.");
        }
        if (refusal instanceof Referral.EscalationNotApplicable) {
            return of(409, ESCALATION_NOT_APPLICABLE, "Escalation not applicable",
                    "The referral is already in the emergency band; ESCALATE_TO_URGENT would lower its priority.");
        }
        if (refusal instanceof Referral.OutcomeNotAllowed o) {
            String detail = o.outcome() + " is not an outcome for " + (o.overridden()
                    ? "the disposition " + o.disposition() : "an " + o.disposition() + " referral")
                    + "; its outcomes are " + String.join(", ", o.allowed().stream().map(Enum::name).toList())
                    + ". To decide otherwise, override the disposition (overrideDisposition, with a reason)"
                    + " to one that has this outcome.";
            return of(422, INVALID_DECISION, "Outcome not allowed", detail, List.of(new Problem.FieldError("/outcome", detail)));
        }
        if (refusal instanceof Referral.ReasonRequired r) {
            String detail = r.override()
                    ? "A decision that overrides the disposition needs a reason; it is kept in the audit trail."
                    : "Closing an " + r.closing() + " referral needs a reason; it is kept in the audit trail.";
            return of(422, INVALID_DECISION, "Reason required", detail, List.of(new Problem.FieldError("/reason", detail)));
        }
        return of(409, REFERRAL_CLOSED, "Referral is closed", "The referral is closed: it has been decided.");
    }
}
