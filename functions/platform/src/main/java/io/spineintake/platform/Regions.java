package io.spineintake.platform;

import io.spineintake.triage.form.Region;
import java.util.ArrayList;
import java.util.List;
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
        StringBuilder b = new StringBuilder();
        for (Region r : regions) {
            b.append(b.length() == 0 ? "" : ",").append(r.name());
        }
        return b.toString();
    }

    public static List<Region> decode(String stored) {
        List<Region> regions = new ArrayList<>();
        if (stored != null) {
            for (String name : stored.split(",")) {
                for (Region r : Region.values()) {
                    if (r.name().equals(name.strip())) {
                        regions.add(r);
                    }
                }
            }
        }
        return List.copyOf(regions);
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
