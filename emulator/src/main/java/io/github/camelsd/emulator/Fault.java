package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour of the API or of the network in front of it, armed through {@link SdFaults}. Most faults replace the
 * answer; {@link #latency} and {@link #failWhileProcessing} alter the normal answer instead.
 */
public final class Fault {

    private enum Kind {
        LATENCY, HTTP_STATUS, RATE_LIMITED, MALFORMED_JSON, HTML_PAGE, TRUNCATED_BODY, DROP_CONNECTION,
        GENERATION_FAILED, FAIL_WHILE_PROCESSING
    }

    private final Kind kind;
    private final Duration delay;
    private final int status;
    private final Integer retryAfter;
    private final String label;

    private Fault(Kind kind, Duration delay, int status, Integer retryAfter, String label) {
        this.kind = kind;
        this.delay = delay;
        this.status = status;
        this.retryAfter = retryAfter;
        this.label = label;
    }

    /** The normal answer, sent only after {@code delay}; no thread waits meanwhile. */
    public static Fault latency(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(Kind.LATENCY, delay, 0, null, "latency(" + delay + ")");
    }

    /** This HTTP status with a JSON error body ({@code "Server Error"}; the documented texts for 402 and 403). */
    public static Fault httpStatus(int status) {
        return new Fault(Kind.HTTP_STATUS, null, checkStatus(status), null, "httpStatus(" + status + ")");
    }

    /** HTTP 429, the queue-limit body, with {@code retry_after} unless {@code retryAfterSeconds} is null. */
    public static Fault rateLimited(Integer retryAfterSeconds) {
        return new Fault(Kind.RATE_LIMITED, null, 429, retryAfterSeconds, "rateLimited(" + retryAfterSeconds + ")");
    }

    /** HTTP 200, {@code application/json}, and a body that is not valid JSON. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, null, 200, null, "malformedJson()");
    }

    /** An HTML error page with this status, as a proxy in front of the API sends it. */
    public static Fault htmlPage(int status) {
        return new Fault(Kind.HTML_PAGE, null, checkStatus(status), null, "htmlPage(" + status + ")");
    }

    /** HTTP 200 whose Content-Length promises more bytes than are written before the connection closes. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, null, 200, null, "truncatedBody()");
    }

    /** The connection closes without any response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, null, 0, null, "dropConnection()");
    }

    /** {@code {"status":"failed","id":"","message":"Failed, Try Again","output":""}} at once. */
    public static Fault generationFailed() {
        return new Fault(Kind.GENERATION_FAILED, null, 200, null, "generationFailed()");
    }

    /**
     * A generation request is accepted and answered "processing" as usual, but its job fails: fetching it after its eta
     * answers "failed", and its webhook gets the failure. On other operations this fault has no effect.
     */
    public static Fault failWhileProcessing() {
        return new Fault(Kind.FAIL_WHILE_PROCESSING, null, 0, null, "failWhileProcessing()");
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return status;
    }

    /** How long the answer is held back, or null when this fault does not delay. */
    Duration delay() {
        return kind == Kind.LATENCY ? delay : null;
    }

    boolean failsWhileProcessing() {
        return kind == Kind.FAIL_WHILE_PROCESSING;
    }

    /** The answer that replaces the normal one, or null when this fault alters the normal answer instead. */
    HttpReply reply() {
        switch (kind) {
        case HTTP_STATUS:
            return HttpReply.json(status, ResponseBodies.error(serverMessage(status)));
        case RATE_LIMITED:
            return HttpReply.json(status, ResponseBodies.queueFull(EmulatorSettings.DEFAULT_QUEUE_LIMIT, retryAfter));
        case MALFORMED_JSON:
            return HttpReply.text(status, HttpReply.JSON, "{\"status\":\"success\",\"output\":[\"http://");
        case HTML_PAGE:
            return HttpReply.text(status, "text/html", nginxPage(status));
        case TRUNCATED_BODY:
            return HttpReply.truncatedJson(status, ResponseBodies.error("Server Error"));
        case DROP_CONNECTION:
            return HttpReply.dropConnection();
        case GENERATION_FAILED:
            return HttpReply.json(status, ResponseBodies.failed(""));
        default:
            return null;
        }
    }

    /** The documented account errors keep their wording, so a client deciding by the text sees what it would see. */
    private static String serverMessage(int status) {
        switch (status) {
        case 402:
            return "Insufficient credits. Please recharge your wallet to continue.";
        case 403:
            return "This feature is available for premium plans only.";
        default:
            return "Server Error";
        }
    }

    /** The page nginx sends when the application behind it is down. */
    private static String nginxPage(int status) {
        String title = status + " " + reason(status);
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
               + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private static String reason(int status) {
        switch (status) {
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Temporarily Unavailable";
        case 504:
            return "Gateway Time-out";
        default:
            return "Error";
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
