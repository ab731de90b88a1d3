package io.spineintake.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import org.slf4j.MDC;

import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Structured logging keys for one invocation, through Powertools' plain API (no AspectJ).
 *
 * <pre>{@code
 * try {
 *     Log.withRequest(context, event);   // function_request_id, correlation_id (API request id), cold_start, ...
 *     ...
 *     Log.putIntakeId(intakeId);         // intake_id on every later line
 *     LOG.info("intake stored");
 * } finally {
 *     Log.clear();
 * }
 * }</pre>
 *
 * <p>Log lines carry identifiers only: never a form value, a body, a name or a contact detail.
 * Every key put here is written by the JsonTemplateLayout of log4j2.properties as a top-level field.
 */
public final class Log {

    /** The intake's id (a UUID, no patient data). */
    public static final String INTAKE_ID = "intake_id";
    /** Powertools' key for a correlation id; here API Gateway's request id. */
    public static final String CORRELATION_ID = "correlation_id";

    private Log() {
    }

    /** Adds the Lambda context's keys (function_request_id, function_name, cold_start, xray_trace_id, service...). */
    public static void withRequest(Context context) {
        PowertoolsLogging.initializeLogging(context);
    }

    /** As {@link #withRequest(Context)}, plus the HTTP API's request id as correlation_id. */
    public static void withRequest(Context context, APIGatewayV2HTTPEvent event) {
        withRequest(context);
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            MDC.put(CORRELATION_ID, event.getRequestContext().getRequestId());
        }
    }

    public static void putIntakeId(String intakeId) {
        if (intakeId != null) {
            MDC.put(INTAKE_ID, intakeId);
        }
    }

    /** Removes every key; call in a finally block at the end of each invocation. */
    public static void clear() {
        PowertoolsLogging.clearState(true);
    }
}
