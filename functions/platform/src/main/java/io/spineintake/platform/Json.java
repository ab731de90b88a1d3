package io.spineintake.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The platform's Jackson configurations, one instance each for the whole function (an ObjectMapper
 * is thread-safe once configured; never reconfigure one). Every one writes java.time as ISO-8601
 * strings. The intake form contract has its own, stricter reader in the engine (FormContract).
 */
public final class Json {

    /** Each mapper is built on first use (holder classes): a function pays only for the ones it uses. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = base(JsonFactory.builder().build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    private static final class Api {
        static final ObjectMapper INSTANCE = base(JsonFactory.builder().build())
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .build();
    }

    private static final class Strict {
        static final ObjectMapper INSTANCE = base(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                        .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private Json() {
    }

    /** Stored documents and queue messages: nulls left out, unknown properties refused. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** API answers: every field written, absent ones as null, so every answer of a route has the same fields. */
    public static ObjectMapper api() {
        return Api.INSTANCE;
    }

    /** Request bodies and cursors: duplicate keys, trailing content, NaN and deep nesting refused. */
    public static ObjectMapper strict() {
        return Strict.INSTANCE;
    }

    private static JsonMapper.Builder base(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
