package io.spineintake.triage.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The intake form contract: reads a submitted JSON document, validates it against
 * {@code intake-form.schema.json} (draft 2020-12, format assertions on; compiled to
 * {@link IntakeFormValidator}, so no schema library loads at cold start) plus the checks a schema
 * cannot express (birth date neither in the future nor before 1900-01-01, each region listed once,
 * spread valid for its region, main region among the regions), and maps it to an
 * {@link IntakeForm}.
 *
 * <p>Built once ({@link #load()}), then thread-safe: {@link #read(byte[])} never throws, whatever
 * the bytes. A refused form gives at most {@value #MAX_VIOLATIONS} violations, ordered by JSON
 * pointer; their messages are written here from the rule broken and never carry the value sent.
 *
 * <p>Text is kept verbatim: no trimming, no normalisation, no escaping.
 */
public final class FormContract {

    /** Classpath location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/io/spineintake/triage/intake-form.schema.json";
    /** The schema's {@code $id}. */
    public static final String SCHEMA_ID = "https://spine-intake.example/schemas/intake-form/1.json";
    /** At most this many violations are reported for one document. */
    public static final int MAX_VIOLATIONS = 50;
    /** Deepest nesting of objects and arrays the parser accepts (the form itself is 5 deep). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value the parser accepts, in characters; the schema's limits are far lower. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest property name the parser accepts; the form's own names are all under 40. */
    public static final int MAX_NAME_LENGTH = 256;
    /**
     * Most JSON values (objects, arrays, scalars) a document may hold. A complete form with three
     * regions has about 220; the cap keeps a hostile document from costing more than a real one.
     */
    public static final int MAX_NODES = 2_000;
    /** Earliest date of birth accepted. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final ObjectMapper mapper;
    /** Parses trees only; trailing content is checked by {@link #parse} itself, to say so plainly. */
    private final ObjectReader treeReader;
    private final ObjectWriter writer;
    private final Clock clock;

    private FormContract(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        // Readers and writers are immutable snapshots: later changes to mapper() cannot weaken the contract.
        this.treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = mapper.writer();
        this.clock = clock;
    }

    /** The contract with the system clock (UTC) deciding what "in the future" means. */
    public static FormContract load() {
        return load(Clock.systemUTC());
    }

    /** The contract with a given clock; "today" is the clock's date in the clock's zone. */
    public static FormContract load(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        ObjectMapper mapper = newMapper();
        return new FormContract(mapper, clock);
    }

    /**
     * The mapper the contract reads and writes forms with: Java time as ISO strings, unknown
     * properties and duplicate keys refused, nesting depth and string length capped, nulls left
     * out on write. Shared: use it, do not reconfigure it.
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The form as JSON in the contract's own format; {@link #read(byte[])} reads it back unchanged. */
    public String toJson(IntakeForm form) {
        try {
            return writer.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("intake form could not be written as JSON", e);
        }
    }

    /**
     * Reads one submitted document. Never throws: anything that is not a valid intake form gives
     * violations with RFC 6901 pointers ("" for the whole document).
     */
    public FormReading read(byte[] json) {
        try {
            return readChecked(json);
        } catch (RuntimeException e) {
            // Defensive: a bug in a library must not turn a bad request into a crash.
            return invalid("", "could not be read");
        }
    }

    private FormReading readChecked(byte[] json) {
        if (json == null || json.length == 0) {
            return invalid("", "is empty");
        }
        String encodingProblem = Utf8.check(json);
        if (encodingProblem != null) {
            return invalid("", encodingProblem);
        }
        JsonNode tree;
        try {
            tree = parse(json);
        } catch (ParseFailure f) {
            return FormReading.invalid(List.of(f.violation));
        }
        if (tree == null || tree.isMissingNode()) {
            return invalid("", "is empty");
        }
        List<Violation> violations = new ArrayList<>();
        if (!TreeScan.scan(tree, MAX_NODES, violations)) {
            return finish(violations);
        }
        IntakeFormValidator.check(tree, violations);
        if (!violations.isEmpty()) {
            return finish(violations);
        }
        // generated, as databind would map it, without databind's reflective record deserialisers
        IntakeForm form = IntakeFormReader.read(tree);
        crossCheck(form, violations);
        return violations.isEmpty() ? FormReading.valid(form) : finish(violations);
    }

    private JsonNode parse(byte[] json) throws ParseFailure {
        JsonParser parser = null;
        try {
            parser = treeReader.createParser(json);
            JsonNode tree = treeReader.readTree(parser);
            try {
                if (parser.nextToken() != null) {
                    throw new ParseFailure("", "has content after the end of the JSON document");
                }
            } catch (IOException e) {
                throw new ParseFailure("", "has content after the end of the JSON document");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw constraintFailure(e, parser);
        } catch (JsonParseException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate")) {
                throw new ParseFailure(pointerAt(parser), "is given more than once");
            }
            if (message.contains("UTF-8") || message.contains("UTF8")) {
                throw new ParseFailure("", "is not valid UTF-8 text");
            }
            throw new ParseFailure("", "is not valid JSON");
        } catch (IOException e) {
            throw new ParseFailure("", "is not valid JSON");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // nothing to release for a byte array
                }
            }
        }
    }

    private static ParseFailure constraintFailure(StreamConstraintsException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("String value length")) {
            return new ParseFailure(pointerAt(parser), "is too long");
        }
        if (message.startsWith("Number value length")) {
            return new ParseFailure(pointerAt(parser), "is a number with too many digits");
        }
        if (message.contains("nesting depth")) {
            return new ParseFailure("", "is nested more than " + MAX_NESTING_DEPTH + " levels deep");
        }
        if (message.startsWith("Name length")) {
            return new ParseFailure("", "has a property name longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new ParseFailure("", "is too large");
    }

    private static String pointerAt(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        JsonStreamContext context = parser.getParsingContext();
        return context == null ? "" : Pointers.of(context);
    }

    /** The checks after the schema: dates, regions, spread. */
    private void crossCheck(IntakeForm form, List<Violation> violations) {
        LocalDate born = form.patient().dateOfBirth();
        if (born.isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("/patient/dateOfBirth", "must not be in the future"));
        } else if (born.isBefore(EARLIEST_BIRTH_DATE)) {
            violations.add(new Violation("/patient/dateOfBirth", "must not be before " + EARLIEST_BIRTH_DATE));
        }
        Pain pain = form.pain();
        Set<Region> seen = EnumSet.noneOf(Region.class);
        List<RegionPain> regions = pain.regions();
        for (int i = 0; i < regions.size(); i++) {
            RegionPain r = regions.get(i);
            if (!seen.add(r.region())) {
                violations.add(new Violation("/pain/regions/" + i + "/region", "is listed more than once"));
            }
            if (r.spread() != null && !r.spread().appliesTo(r.region())) {
                violations.add(new Violation("/pain/regions/" + i + "/spread", "does not apply to this region"));
            }
        }
        if (pain.mainRegion() != null && !seen.contains(pain.mainRegion())) {
            violations.add(new Violation("/pain/mainRegion", "must be one of the regions listed"));
        }
    }

    private static FormReading invalid(String pointer, String message) {
        return FormReading.invalid(List.of(new Violation(pointer, message)));
    }

    /** Orders by pointer (then message), drops exact repeats, caps at {@link #MAX_VIOLATIONS}. */
    static FormReading finish(List<Violation> violations) {
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort((a, b) -> {
            int c = a.pointer().compareTo(b.pointer());
            return c != 0 ? c : a.message().compareTo(b.message());
        });
        List<Violation> out = new ArrayList<>(Math.min(sorted.size(), MAX_VIOLATIONS));
        Violation last = null;
        for (Violation v : sorted) {
            if (v.equals(last)) {
                continue;
            }
            out.add(v);
            last = v;
            if (out.size() == MAX_VIOLATIONS) {
                break;
            }
        }
        return FormReading.invalid(out);
    }

    static ObjectMapper newMapper() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /** A parse error, already turned into a violation. */
    private static final class ParseFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Violation violation;

        ParseFailure(String pointer, String message) {
            super(message, null, false, false);
            this.violation = new Violation(pointer, message);
        }
    }
}
