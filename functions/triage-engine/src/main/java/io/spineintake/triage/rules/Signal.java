package io.spineintake.triage.rules;

/**
 * The scoring conditions the engine knows how to read from a form. A rule file gives each one
 * its weight, text and source under the signal's id; it may not name any other.
 */
public enum Signal {
    REGION_PREVALENCE("S_REGION_PREVALENCE", RuleKind.FACET),
    EXTENSION("S_EXTENSION", RuleKind.FACET),
    ROTATION("S_ROTATION", RuleKind.FACET),
    AXIAL("S_AXIAL", RuleKind.FACET),
    TENDERNESS("S_TENDERNESS", RuleKind.FACET),
    EASED_LYING("S_EASED_LYING", RuleKind.FACET),
    NO_COUGH_PAIN("S_NO_COUGH_PAIN", RuleKind.FACET),
    FORWARD_BENDING("S_FORWARD_BENDING", RuleKind.FACET),
    MORNING_STIFFNESS("S_MORNING_STIFFNESS", RuleKind.FACET),
    AGE("S_AGE", RuleKind.FACET),
    IMAGING("S_IMAGING", RuleKind.FACET),
    OCCIPITAL_HEADACHE("S_OCCIPITAL_HEADACHE", RuleKind.FACET),
    PRIOR_POSITIVE_BLOCK("S_PRIOR_POSITIVE_BLOCK", RuleKind.FACET),
    DISTAL_SPREAD("S_DISTAL_SPREAD", RuleKind.RADICULAR),
    LIMB_NEURO("S_LIMB_NEURO", RuleKind.RADICULAR),
    COUGH_PAIN("S_COUGH_PAIN", RuleKind.RADICULAR),
    LIMB_DOMINANT("S_LIMB_DOMINANT", RuleKind.RADICULAR);

    private final String id;
    private final RuleKind kind;

    Signal(String id, RuleKind kind) {
        this.id = id;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public RuleKind kind() {
        return kind;
    }

    public static Signal byId(String id) {
        for (Signal s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }
}
