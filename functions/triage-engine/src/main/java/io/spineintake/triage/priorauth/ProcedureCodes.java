package io.spineintake.triage.priorauth;

import io.spineintake.triage.form.Region;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CPT/HCPCS code numbers a clinic prints on its packets, per region: the clinic's setting
 * {@value #VARIABLE}, for example {@code LUMBAR=64493 64494;CERVICAL=64490}. Code numbers only:
 * CPT descriptor text is licensed and never printed. Absent or blank: no codes are printed.
 */
public record ProcedureCodes(Map<Region, List<String>> byRegion) {
    public static final String VARIABLE = "PRIOR_AUTH_CODES";
    public static final ProcedureCodes NONE = new ProcedureCodes(Map.of());
    /** A CPT code (five digits, or four and a category letter) or a HCPCS Level II code (a letter and four digits). */
    private static final Pattern CODE = Pattern.compile("[0-9]{4}[0-9FTU]|[A-Z][0-9]{4}");

    public ProcedureCodes {
        Map<Region, List<String>> copy = new EnumMap<>(Region.class);
        byRegion.forEach((r, codes) -> copy.put(r, List.copyOf(codes)));
        byRegion = Map.copyOf(copy);
    }

    public List<String> of(Region region) {
        return byRegion.getOrDefault(region, List.of());
    }

    public static ProcedureCodes fromEnvironment(Map<String, String> environment) {
        return parse(environment.get(VARIABLE));
    }

    /** @throws IllegalArgumentException on anything but {@code REGION=CODE CODE;REGION=CODE} with valid code numbers */
    public static ProcedureCodes parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        Map<Region, List<String>> out = new EnumMap<>(Region.class);
        for (String part : setting.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(VARIABLE + ": expected REGION=CODE ..., got a part without '='");
            }
            Region region;
            try {
                region = Region.valueOf(part.substring(0, eq).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(VARIABLE + ": unknown region (CERVICAL, THORACIC or LUMBAR)");
            }
            List<String> codes = new ArrayList<>();
            for (String code : part.substring(eq + 1).strip().split("[ ,]+")) {
                if (code.isEmpty()) {
                    continue;
                }
                if (!CODE.matcher(code).matches()) {
                    throw new IllegalArgumentException(VARIABLE + ": not a CPT or HCPCS code number: " + code);
                }
                codes.add(code);
            }
            if (out.putIfAbsent(region, codes) != null) {
                throw new IllegalArgumentException(VARIABLE + ": region " + region + " named twice");
            }
        }
        return new ProcedureCodes(out);
    }
}
