package io.github.camelsd.examples.http;

import java.time.Duration;
import java.util.UUID;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** What the tests of both classes share: unique prompts, polling, the PNG signature. */
final class Images {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Images() {
    }

    /** The API (and the emulator) answers an identical request repeated within 30 s with its spam-filter error. */
    static String unique(String prompt) {
        return prompt + " #" + UUID.randomUUID();
    }

    static RequestSpecification client(KeyNeverAnswered guard) {
        return given().filter(guard).redirects().follow(false);
    }

    /** GETs the status URL until it is no longer 202, and returns that answer. */
    static Response pollUntilDone(KeyNeverAnswered guard, String statusUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response answer = client(guard).when().get(statusUrl);
            if (answer.statusCode() != 202) {
                return answer;
            }
            assertEquals("processing", answer.jsonPath().getString("status"));
            if (System.nanoTime() > deadline) {
                fail(statusUrl + " still processing after " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static void assertPng(byte[] image) {
        byte[] head = new byte[PNG_SIGNATURE.length];
        System.arraycopy(image, 0, head, 0, Math.min(image.length, head.length));
        assertArrayEquals(PNG_SIGNATURE, head, "not a PNG");
    }
}
