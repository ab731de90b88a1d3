package io.spineintake.platform;

import io.spineintake.triage.form.Region;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one codec of a list of regions: stored as their names joined by commas, main region first
 * ("LUMBAR,CERVICAL"), so the worklist filters with contains(). Names it does not know are
 * dropped, never guessed.
 */
public final class Regions implements AttributeConverter<List<Region>> {
    public static final Regions CONVERTER = new Regions();
    @SuppressWarnings("unchecked")
    private static final EnhancedType<List<Region>> TYPE = EnhancedType.listOf(Region.class);

    private Regions() {
    }

    public static String encode(List<Region> regions) {
        return regions.stream().map(Region::name).collect(Collectors.joining(","));
    }

    public static List<Region> decode(String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).map(String::strip)
                .flatMap(name -> Arrays.stream(Region.values()).filter(r -> r.name().equals(name))).toList();
    }

    @Override
    public AttributeValue transformFrom(List<Region> input) {
        return AttributeValue.fromS(encode(input));
    }

    @Override
    public List<Region> transformTo(AttributeValue input) {
        return decode(input.s());
    }

    @Override
    public EnhancedType<List<Region>> type() {
        return TYPE;
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
    }
}
