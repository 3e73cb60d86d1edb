package io.github.camelsd.quarkus.it;

import java.util.UUID;

/**
 * Prompts for the tests. Each is unique: the API (and its emulator) answers an identical request repeated within 30 s
 * with its spam-filter error, and the JVM and packaged-application runs share one emulator per profile.
 */
final class Prompts {

    private Prompts() {
    }

    static String unique(String prompt) {
        return prompt + " #" + UUID.randomUUID();
    }
}
