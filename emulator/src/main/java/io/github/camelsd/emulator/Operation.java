package io.github.camelsd.emulator;

import java.util.List;

/**
 * One row of the routing table: an API operation on one path, and what its requests must satisfy.
 *
 * @param name         the operation's name in the documentation
 * @param family       the wire conventions of its path family
 * @param kind         what the emulator does with an accepted request
 * @param pathTemplate the path; {@code {id}} stands for a job id
 * @param rules        the validation rules of its body
 * @param inputImages  fields holding input images: for {@link Kind#GENERATE}, images the API downloads (URL, or base64
 *                     with the {@code base64} flag); for {@link Kind#UPLOAD}, the one field holding the base64 image
 */
record Operation(String name, ApiFamily family, Kind kind, String pathTemplate, List<RequestRules.Rule> rules,
        List<String> inputImages) {

    enum Kind {
        /** Creates a job that renders images. */
        GENERATE,
        /** Reports a job by its id. */
        FETCH,
        /** Reports the server's queue. */
        SYSTEM_LOAD,
        /** Hosts an image sent as base64 and answers its URL; no job, so neither spam filter nor queue limit. */
        UPLOAD
    }

    Operation {
        rules = List.copyOf(rules);
        inputImages = List.copyOf(inputImages);
        if (kind == Kind.UPLOAD && inputImages.size() != 1) {
            throw new IllegalArgumentException(name + ": an upload takes its image from exactly one field");
        }
    }
}
