package io.spineintake.triage.form;

/** What the patient has been told by imaging or a doctor. */
public record Findings(
        Answer facetArthropathy,
        Answer spondylosisOrDegeneration,
        Answer fracture,
        Answer tumour,
        Answer infection,
        Answer significantDeformity,
        Answer radiculopathy,
        Answer stenosisWithClaudication,
        Answer osteoporosis) {
    public static final Findings BLANK = new Findings(null, null, null, null, null, null, null, null, null);
}
