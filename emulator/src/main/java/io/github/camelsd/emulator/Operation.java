package io.github.camelsd.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the routing table: an API operation on one path, and what its requests must satisfy. The common parts are
 * the constructor's; the rest has defaults that a row changes with the {@code with...} methods.
 *
 * @param name           the operation's name in the documentation
 * @param family         the wire conventions of its path family
 * @param kind           what the emulator does with an accepted request
 * @param pathTemplate   the path; {@code {id}} stands for a job (or training) id
 * @param rules          the validation rules of its body
 * @param inputImages    fields holding input images: for the kinds that take images, required images the API
 *                       downloads (in the field's {@link ImageForm}); for {@link Kind#UPLOAD}, the one field holding
 *                       the base64 image
 * @param optionalImages fields holding input images that may be absent, downloaded like the others when present
 * @param models         the model ids it takes, in {@code modelField}
 * @param fetchResult    where its processing answers' {@code fetch_result} points (plus the id): the family's fetch
 *                       path, or, where the documentation says so, another family's
 * @param output         the format of its output files; for a video, the default that {@code output_type} may change;
 *                       {@link OutputFormat#TEXT} for an answer in words (caption)
 * @param singleOutput   its success {@code output} is one URL string, not a list (V3 super resolution)
 * @param modelField     the field naming its model ({@code model_id}; Dreambooth training: {@code base_model_id})
 * @param sizing         where the size of its output images comes from
 * @param imageForms     how image fields hold their images, where not the default {@link ImageForm#URL}
 */
record Operation(String name, ApiFamily family, Kind kind, String pathTemplate, List<RequestRules.Rule> rules,
        List<String> inputImages, List<String> optionalImages, ModelCatalogue models, String fetchResult,
        OutputFormat output, boolean singleOutput, String modelField, Sizing sizing,
        Map<String, ImageForm> imageForms) {

    enum Kind {
        /** Creates a job that renders images (or a video, or a caption, by its output format). */
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
        MODEL_RELOAD,
        /** Starts a training (Dreambooth or LoRA) on the downloaded images; no job, it has stages of its own. */
        TRAIN,
        /** Reports a training's stage and log by the training id in the path. */
        TRAINING_STATUS,
        /** Cancels a training by the id in the path. */
        TRAINING_CANCEL,
        /** Deletes a training, and the model it made, by the id in the path. */
        TRAINING_DELETE,
        /** Lists the ids of the caller's trainings. */
        TRAINING_LIST,
        /** Loads a model from a URL under a model id of the caller's choice. */
        LOAD_MODEL,
        /** Says whether the downloaded image is NSFW. */
        NSFW_IMAGE_CHECK,
        /** Says whether a prompt is NSFW (or worse). */
        NSFW_PROMPT_CHECK,
        /** A dedicated server's {@code system_details}: its loaded models and its queue. */
        SERVER_DETAILS,
        /** Restarts the dedicated server: its listener refuses connections for the restart downtime. */
        RESTART_SERVER,
        /** Updates the dedicated server: a restart, in other words. */
        UPDATE_SERVER,
        /** Takes the dedicated server's S3 details (the emulator keeps its own image store). */
        UPDATE_S3,
        /** Clears the dedicated server's cache: nothing the emulator keeps. */
        CLEAR_CACHE,
        /** Clears the dedicated server's queue: its jobs still processing fail. */
        CLEAR_QUEUE,
        /** Lists the schedulers the server takes. */
        SCHEDULER_LIST,
        /** Loads a model onto the dedicated server under the {@code model_id} given; usable once loaded. */
        SERVER_LOAD_MODEL,
        /** Loads a VAE onto the dedicated server. */
        LOAD_VAE,
        /** Says that a model (one loaded on the server, checked as a generation's) exists. */
        VERIFY_MODEL,
        /** Lists the models loaded on the dedicated server, with when they were loaded. */
        SERVER_MODEL_LIST,
        /** Deletes a model loaded on the dedicated server. */
        DELETE_MODEL,
        /** Syncs the models of another dedicated server, named by its key, onto this one. */
        SYNC_MODELS
    }

    /** Where the size of a row's output images comes from. */
    record Sizing(Source source, int width, int height) {

        enum Source {
            /** {@code width} and {@code height}, or the row's defaults. */
            REQUEST,
            /** The first input image's size. */
            INPUT,
            /** {@code width} and {@code height} where given, the first input image's size for the others. */
            REQUEST_OR_INPUT
        }

        /** The request's size, 512 x 512 by default. */
        static final Sizing REQUEST = request(GenerationRequest.DEFAULT_SIDE, GenerationRequest.DEFAULT_SIDE);
        static final Sizing INPUT = new Sizing(Source.INPUT, GenerationRequest.DEFAULT_SIDE,
                GenerationRequest.DEFAULT_SIDE);
        static final Sizing REQUEST_OR_INPUT = new Sizing(Source.REQUEST_OR_INPUT, GenerationRequest.DEFAULT_SIDE,
                GenerationRequest.DEFAULT_SIDE);

        /** The request's size, {@code width} x {@code height} by default. */
        static Sizing request(int width, int height) {
            return new Sizing(Source.REQUEST, width, height);
        }
    }

    Operation {
        rules = List.copyOf(rules);
        inputImages = List.copyOf(inputImages);
        optionalImages = List.copyOf(optionalImages);
        imageForms = Map.copyOf(imageForms);
        if (kind == Kind.UPLOAD && inputImages.size() != 1) {
            throw new IllegalArgumentException(name + ": an upload takes its image from exactly one field");
        }
        if (kind == Kind.UPSCALE && inputImages.size() != 1) {
            throw new IllegalArgumentException(name + ": an upscale takes exactly one input image");
        }
        if (kind == Kind.TRAIN && inputImages.size() != 1) {
            throw new IllegalArgumentException(name + ": a training takes its images from exactly one field");
        }
    }

    /** A row with the defaults: no optional images, stock models, the family's fetch path, PNG images in a list. */
    Operation(String name, ApiFamily family, Kind kind, String pathTemplate, List<RequestRules.Rule> rules,
            List<String> inputImages) {
        this(name, family, kind, pathTemplate, rules, inputImages, List.of(), ModelCatalogue.STOCK, family.fetchPath(),
                OutputFormat.PNG, false, ModelCatalogue.MODEL_ID, Sizing.REQUEST, Map.of());
    }

    /** How {@code field} holds its images. */
    ImageForm imageForm(String field) {
        return imageForms.getOrDefault(field, ImageForm.URL);
    }

    /** The input images a (validated) request names: the required fields', then the optional ones given, in order. */
    List<String> imageReferences(Map<String, Object> body) {
        List<String> references = new ArrayList<>();
        inputImages.forEach(field -> references.addAll(imageForm(field).references(body.get(field))));
        optionalImages.forEach(field -> references.addAll(imageForm(field).references(body.get(field))));
        return references;
    }

    Operation withOptionalImages(String... fields) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, List.of(fields), models, fetchResult,
                output, singleOutput, modelField, sizing, imageForms);
    }

    Operation withModels(ModelCatalogue catalogue) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, catalogue,
                fetchResult, output, singleOutput, modelField, sizing, imageForms);
    }

    /** Its models are named by {@code field} instead of {@code model_id}, from {@code catalogue}. */
    Operation withModels(String field, ModelCatalogue catalogue) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, catalogue,
                fetchResult, output, singleOutput, field, sizing, imageForms);
    }

    Operation withFetchResult(String fetchPathPrefix) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models,
                fetchPathPrefix, output, singleOutput, modelField, sizing, imageForms);
    }

    Operation withOutput(OutputFormat format) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models, fetchResult,
                format, singleOutput, modelField, sizing, imageForms);
    }

    Operation withSingleOutput() {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models, fetchResult,
                output, true, modelField, sizing, imageForms);
    }

    Operation withSizing(Sizing outputSizing) {
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models, fetchResult,
                output, singleOutput, modelField, outputSizing, imageForms);
    }

    /** {@code fields} hold their images in {@code form}. */
    Operation withImageForm(ImageForm form, String... fields) {
        Map<String, ImageForm> forms = new LinkedHashMap<>(imageForms);
        for (String field : fields) {
            forms.put(field, form);
        }
        return new Operation(name, family, kind, pathTemplate, rules, inputImages, optionalImages, models, fetchResult,
                output, singleOutput, modelField, sizing, forms);
    }
}
