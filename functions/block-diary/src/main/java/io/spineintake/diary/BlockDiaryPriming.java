package io.spineintake.diary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.spineintake.platform.Priming;
import java.util.Map;

/**
 * SnapStart priming of the diary routes ({@link Priming}): GET /diary with a well-formed capability
 * that names no link, offline: the link is looked up, not found, and refused. Recording an entry is
 * not primed (it would need a live link). Nothing reaches the blocks table.
 */
final class BlockDiaryPriming {
    /** 43 base64url characters, the shape of a real capability; it names no link. */
    static final String TOKEN = "A".repeat(43);

    private BlockDiaryPriming() {
    }

    static APIGatewayV2HTTPResponse prime(BlockDiaryHandler handler) {
        return Priming.offline(() -> handler.handleRequest(Priming.httpEvent(BlockDiaryHandler.DIARY,
                Map.of("authorization", "Diary " + TOKEN), null, null, null), Priming.context()));
    }
}
