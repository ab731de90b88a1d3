package io.spineintake.platform.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Reads an HTTP API (payload 2.0) JSON request body: base64-decoded when flagged, size-limited on
 * the decoded bytes, and refused unless it is UTF-8 text. API Gateway passes a text body (such as
 * application/json) as a string, decoding its bytes as UTF-8 and putting U+FFFD where they are not
 * UTF-8; a string body holding U+FFFD, or an unpaired surrogate, is therefore refused as not UTF-8,
 * as are base64 bodies whose bytes are not strict UTF-8.
 */
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
     * @throws BodyException 413 when larger, 400 when the base64 is malformed or the text is not UTF-8
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
            if (!isUtf8(bytes)) {
                throw BodyException.notUtf8();
            }
        } else {
            // every char is at least one UTF-8 byte
            if (body.length() > maxBytes) {
                throw BodyException.tooLarge(maxBytes);
            }
            if (body.indexOf('\uFFFD') >= 0) {
                throw BodyException.notUtf8(); // what API Gateway made of bytes that were not UTF-8
            }
            try {
                ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(body));
                bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
            } catch (CharacterCodingException e) {
                throw BodyException.notUtf8(); // an unpaired surrogate
            }
        }
        if (bytes.length > maxBytes) {
            throw BodyException.tooLarge(maxBytes);
        }
        return bytes;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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

        static BodyException notUtf8() {
            return new BodyException(400, "Malformed request body", "The request body is not valid UTF-8 text.");
        }

        public int status() {
            return status;
        }

        /** The problem to answer; a 400 points at the whole body (pointer ""). */
        public Problem toProblem() {
            Problem p = Problem.of(status, title, getMessage());
            return status == 400 ? p.withErrors(List.of(new Problem.FieldError("", getMessage()))) : p;
        }
    }
}
