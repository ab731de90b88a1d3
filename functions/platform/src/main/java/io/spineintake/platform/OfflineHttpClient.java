package io.spineintake.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * {@link Priming}'s HTTP client: the real one, except while priming runs offline, when each request
 * gets a well-formed answer built here and nothing is sent. DynamoDB: an empty object (PutItem,
 * UpdateItem, GetItem of no item) or an empty page (Query, Scan), with its x-amz-crc32; SQS
 * SendMessage: a message id and the MD5 of the body sent, which the client checks; SNS Publish
 * (query protocol, no X-Amz-Target): a message id, in XML. Any other operation is refused as a 400
 * ValidationException.
 */
final class OfflineHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;

    OfflineHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!Priming.isOffline()) {
            return delegate.prepareRequest(request);
        }
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElseGet(() -> queryAction(request));
        Priming.recordAnswer(target);
        int status = 200;
        String contentType = "application/x-amz-json-1.0";
        String body;
        switch (target) {
            case "DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.GetItem" -> body = "{}";
            case "DynamoDB_20120810.Query", "DynamoDB_20120810.Scan" -> body = "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}";
            case "AmazonSQS.SendMessage" -> body = "{\"MD5OfMessageBody\":\"" + md5(messageBody(request))
                    + "\",\"MessageId\":\"00000000-0000-0000-0000-000000000000\"}";
            case SNS_PUBLISH -> {
                contentType = "text/xml";
                body = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>00000000-0000-0000-0000-000000000000</MessageId></PublishResult><ResponseMetadata>"
                        + "<RequestId>" + Priming.REQUEST_ID + "</RequestId></ResponseMetadata></PublishResponse>";
            }
            default -> {
                status = 400;
                body = "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"not answered while priming\"}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        HttpExecuteResponse response = HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status)
                        .putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", Integer.toString(bytes.length))
                        .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
                        .putHeader("x-amzn-RequestId", Priming.REQUEST_ID)
                        .build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return response;
            }

            @Override
            public void abort() {
                // nothing was sent
            }
        };
    }

    /** What {@link Priming#answered()} records for an SNS Publish. */
    static final String SNS_PUBLISH = "AmazonSNS.Publish";

    /** A query-protocol request's Action (SNS): "AmazonSNS.Publish" for a publish, "" for anything else. */
    private static String queryAction(HttpExecuteRequest request) {
        if (request.contentStreamProvider().isEmpty()) {
            return "";
        }
        try (InputStream in = request.contentStreamProvider().get().newStream()) {
            String form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.asList(form.split("&")).contains("Action=Publish") ? SNS_PUBLISH : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageBody(HttpExecuteRequest request) {
        try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
            JsonNode sent = Json.mapper().readTree(in);
            return sent.path("MessageBody").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
