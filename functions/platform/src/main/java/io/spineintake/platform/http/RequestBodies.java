package io.spineintake.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** Reads an HTTP API (payload 2.0) request body: base64-decoded when flagged, size-limited on the decoded bytes. */
public final class RequestBodies {

    /** 64 KiB: the largest body any endpoint accepts. */
    public static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    /** The body's bytes (empty when there is none), at most {@link #MAX_BYTES}. */
    public static byte[] read(APIGatewayV2HTTPEvent event) {
        return read(event, MAX_BYTES);
    }

    /**
     * The body's bytes (empty when there is none), at most {@code maxBytes} after base64 decoding.
     *
     * @throws BodyException 413 when larger, 400 when the base64 is malformed
     */
    public static byte[] read(APIGatewayV2HTTPEvent event, int maxBytes) {
        String body = event == null ? null : event.getBody();
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            // 4 base64 chars carry 3 bytes: reject what cannot fit before decoding it
            if ((long) body.length() / 4 * 3 > (long) maxBytes + 3) {
                throw BodyException.tooLarge(maxBytes);
            }
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw BodyException.malformedBase64();
            }
        } else {
            // every char is at least one UTF-8 byte
            if (body.length() > maxBytes) {
                throw BodyException.tooLarge(maxBytes);
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) {
            throw BodyException.tooLarge(maxBytes);
        }
        return bytes;
    }

    /** A body that cannot be read; {@link #toProblem()} gives the answer. */
    public static final class BodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String title;

        private BodyException(int status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        static BodyException tooLarge(int maxBytes) {
            return new BodyException(413, "Content Too Large", "The request body exceeds " + maxBytes + " bytes.");
        }

        static BodyException malformedBase64() {
            return new BodyException(400, "Bad Request", "The request body is not valid base64.");
        }

        public int status() {
            return status;
        }

        public Problem toProblem() {
            return Problem.of(status, title, getMessage());
        }
    }
}
