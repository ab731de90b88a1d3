package io.spineintake.triageapi.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The FHIR R4 data types this export writes, as small records, and the one mapper that writes them:
 * absent and empty values are left out (FHIR JSON has no nulls and no empty arrays or objects).
 * Only what the export uses is modelled; nothing here reads FHIR.
 */
public final class Fhir {
    /** The export's one configured mapper: NON_EMPTY, so null, "" and [] are never written; numbers and false are. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** A code system or identifier system of this project: {@code urn:spine-intake:fhir:<name>} (not a resolvable URL). */
    public static final String SYSTEM_PREFIX = "urn:spine-intake:fhir:";
    /** Identifier system for a UUID written as {@code urn:uuid:...} (RFC 3986), as FHIR recommends. */
    public static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    private Fhir() {
    }

    /** The resource as FHIR JSON. */
    public static String write(Object resource) {
        try {
            return MAPPER.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("FHIR resource not serialisable: " + resource.getClass().getName(), e);
        }
    }

    /** A stable id: the name-based UUID of {@code key} (the same key gives the same id on every call). */
    public static String uuid(String key) {
        return UUID.nameUUIDFromBytes(("spine-intake:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String system(String name) {
        return SYSTEM_PREFIX + name;
    }

    public record Coding(String system, String version, String code, String display) {
        public static Coding of(String system, String code, String display) {
            return new Coding(system, null, code, display);
        }
    }

    public record CodeableConcept(List<Coding> coding, String text) {
        public static CodeableConcept text(String text) {
            return new CodeableConcept(null, text);
        }

        public static CodeableConcept of(Coding coding, String text) {
            return new CodeableConcept(List.of(coding), text);
        }
    }

    public record Identifier(String system, String value) {
        public static Identifier uuid(String uuid) {
            return new Identifier(URI_SYSTEM, "urn:uuid:" + uuid);
        }
    }

    public record Reference(String reference, String type, Identifier identifier, String display) {
        public static Reference to(String fullUrl, String type) {
            return new Reference(fullUrl, type, null, null);
        }
    }

    public record Period(String start, String end) {
    }

    public record Annotation(String text) {
    }

    public record Quantity(BigDecimal value, String unit, String system, String code) {
    }

    /** An extension: a value or nested extensions (only the value types the export uses). */
    public record Extension(String url, List<Extension> extension, String valueCode, String valueString,
                            Integer valueInteger) {
        public static Extension code(String url, String code) {
            return new Extension(url, null, code, null, null);
        }

        public static Extension string(String url, String value) {
            return new Extension(url, null, null, value, null);
        }

        public static Extension integer(String url, int value) {
            return new Extension(url, null, null, null, value);
        }

        /** The core translation extension on a string element: {@code lang} and {@code content}. */
        public static Extension translation(String lang, String content) {
            return new Extension(TRANSLATION, List.of(code("lang", lang), string("content", content)), null, null, null);
        }
    }

    /** The extensions of a primitive element ({@code _text}). */
    public record Element(List<Extension> extension) {
        public static Element translations(String spanish) {
            return spanish == null ? null : new Element(List.of(Extension.translation("es", spanish)));
        }
    }

    public record ContactPoint(String system, String value, String use, Integer rank) {
    }

    public record HumanName(String text) {
    }

    public record Address(String postalCode) {
    }

    public record Communication(CodeableConcept language, Boolean preferred) {
    }

    public record BundleEntry(String fullUrl, Object resource) {
    }

    public record Bundle(String resourceType, String id, Identifier identifier, String type, List<BundleEntry> entry) {
        public Bundle(String id, Identifier identifier, List<BundleEntry> entry) {
            this("Bundle", id, identifier, "collection", entry);
        }
    }
}
