package io.github.camelsd.emulator;

import java.util.List;

/**
 * One row of the routing table: an API operation on one path, and what its requests must satisfy. The common parts are
 * the constructor's; the rest has defaults that a row changes with the {@code with...} methods.
 *
 * @param name           the operation's name in the documentation
 * @param family         the wire conventions of its path family
 * @param kind           what the emulator does with an accepted request
 * @param pathTemplate   the path; {@code {id}} stands for a job id
 * @param rules          the validation rules of its body
 * @param inputImages    fields holding input images: for {@link Kind#GENERATE} and {@link Kind#UPSCALE}, required
 *                       images the API downloads (URL, or base64 with the {@code base64} flag); for {@link Kind#UPLOAD},
 *                       the one field holding the base64 image
 * @param optionalImages fields holding input images that may be absent, downloaded like the others when present
 * @param models         the {@code model_id} values it takes
 * @param fetchResult    where its processing answers' {@code fetch_result} points (plus the id): the family's fetch
 *                       path, or, where the documentation says so, another family's
 * @param output         the format of its output files; for a video, the default that {@code output_type} may change
 * @param singleOutput   its success {@code output} is one URL string, not a list (V3 super resolution)
 */
record Operation(String name, ApiFamily family, Kind kind, String pathTemplate, List<RequestRules.Rule> rules,
        List<String> inputImages, List<String> optionalImages, ModelCatalogue models, String fetchResult,
        OutputFormat output, boolean singleOutput) {

    enum Kind {
        /** Creates a job that renders images (or a video, by its output format). */
        GENERATE,
        /** Creates a job that renders its one input image larger by {@code scale} (super resolution). */
        UPSCALE,
        /** Reports a job by its id, in the path or in the body as {@code request_id}. */
        FETCH,
        /** Reports the server's queue. */
        SYSTEM_LOAD,
        /** Hosts an image sent as base64 and answers its URL; no job, so neither spam filter nor queue limit. */
        UPLOAD,
        /** Lists the public models: a top-level JSON array. */
        MODEL_LIST,
        /** Reloads an idle model; no job. */
        MODEL_RELOAD
    }

    Operation {
        rules = List.copyOf(rules);
        inputImages = List.copyOf(inputImages);
        optionalImages = List.copyOf(optionalImages);
        if (kind == Kind.UPLOAD && inputImages.size() != 1) {
            throw new IllegalArgumentException(name + ": an upload takes its image from exactly one field");
        }
        if (kind == Kind.UPSCALE && inputImages.size() != 1) {
            throw new IllegalArgumentException(name + ": an upscale takes exactly one input image");
        }
    }

    /** A row with the defaults: no optional images, stock models, the family's fetch path, PNG images in a list. */
    Operation(String name, ApiFamily family, Kind kind, String pathTemplate, List<RequestRules.Rule> rules,
            List<String> inputImages) {
        this(name, family, kind, pathTemplate, rules, inputImages, List.of(), ModelCatalogue.STOCK, family.fetchPath(),
                OutputFormat.PNG, false);
    }

    Operation withOptionalImages(String... fields) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, List.of(fields), models, fetchResult,
                output, singleOutput);
    }

    Operation withModels(ModelCatalogue catalogue) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, catalogue,
                fetchResult, output, singleOutput);
    }

    Operation withFetchResult(String fetchPathPrefix) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models,
                fetchPathPrefix, output, singleOutput);
    }

    Operation withOutput(OutputFormat format) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models, fetchResult,
                format, singleOutput);
    }

    Operation withSingleOutput() {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models, fetchResult,
                output, true);
    }
}
