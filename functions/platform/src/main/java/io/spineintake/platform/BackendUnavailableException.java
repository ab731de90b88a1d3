package io.spineintake.platform;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS backend (DynamoDB, SQS) could not be reached, timed out, throttled or answered 5xx, after
 * the SDK's bounded retries. Handlers answer 503 with Retry-After; the request may be retried.
 */
public final class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True for failures a client may retry later: no connection, timeout, throttling or 5xx. */
    public static boolean isUnavailable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return false;
    }

    /**
     * {@code e} as a BackendUnavailableException when {@link #isUnavailable} says so, else {@code e}
     * unchanged. Use as {@code catch (SdkException e) { throw BackendUnavailableException.translate("DynamoDB PutItem", e); }}.
     */
    public static RuntimeException translate(String operation, SdkException e) {
        return isUnavailable(e) ? new BackendUnavailableException(operation + " unavailable", e) : e;
    }
}
