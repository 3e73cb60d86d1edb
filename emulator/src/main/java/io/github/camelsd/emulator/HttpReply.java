package io.github.camelsd.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * What goes back on the wire for one request: a complete answer, or one of the broken answers that faults need. It is
 * written by whichever thread has it ready (a worker, the HTTP client's callback, a delayed task): the JDK server lets an
 * exchange be completed after its handler returned.
 */
final class HttpReply {

    static final String JSON = "application/json";

    private enum Shape {
        COMPLETE,
        /** Content-Length announces the whole body but only its first half is written before the connection closes. */
        TRUNCATED,
        /** Closing an exchange before any header was sent makes the JDK server close the connection: no response. */
        DROPPED
    }

    private final Shape shape;
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String allow;
    private final Runnable afterSent;

    private HttpReply(Shape shape, int status, String contentType, byte[] body, String allow) {
        this(shape, status, contentType, body, allow, null);
    }

    private HttpReply(Shape shape, int status, String contentType, byte[] body, String allow, Runnable afterSent) {
        this.shape = shape;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.allow = allow;
        this.afterSent = afterSent;
    }

    /**
     * This reply, and {@code action} run on the sending thread once it is written and its exchange closed, whether
     * the client was still there or not (a restart closes the listener after its answer went out).
     */
    HttpReply then(Runnable action) {
        return new HttpReply(shape, status, contentType, body, allow, action);
    }

    static HttpReply json(int status, Object body) {
        return new HttpReply(Shape.COMPLETE, status, JSON, Json.write(body), null);
    }

    static HttpReply text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpReply bytes(int status, String contentType, byte[] body) {
        return new HttpReply(Shape.COMPLETE, status, contentType, body, null);
    }

    static HttpReply truncatedJson(int status, Object body) {
        return new HttpReply(Shape.TRUNCATED, status, JSON, Json.write(body), null);
    }

    static HttpReply dropConnection() {
        return new HttpReply(Shape.DROPPED, 0, null, new byte[0], null);
    }

    /** A 405 must name the methods the resource allows. */
    static HttpReply methodNotAllowed(Object body, String allow) {
        return new HttpReply(Shape.COMPLETE, 405, JSON, Json.write(body), allow);
    }

    void send(HttpExchange exchange) {
        try {
            if (shape != Shape.DROPPED) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                if (allow != null) {
                    exchange.getResponseHeaders().set("Allow", allow);
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                OutputStream out = exchange.getResponseBody();
                if (shape == Shape.TRUNCATED) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // closing the exchange (below), not the stream, with bytes missing makes the JDK server close
                    // the connection; closing the stream first would leave it open and the client waiting
                } else {
                    out.write(body);
                    out.close();
                }
            }
        } catch (IOException e) {
            // the client is gone, e.g. it gave up waiting for a late answer: nobody to answer
        } finally {
            exchange.close();
            if (afterSent != null) {
                afterSent.run();
            }
        }
    }
}
