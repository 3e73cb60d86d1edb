package io.github.camelsd.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wire conventions of one family of paths. The seed-era V3 API answers nearly every error with HTTP 200 and spells
 * {@code messege}; the v6 APIs use 400/401/404, spell {@code message}, add {@code proxy_links} and have the safety
 * checker off by default (their OpenAPI default). Families differ too in the form of their validation errors and in
 * what a fetch of a job still queued answers: see {@link ValidationForm} and {@link #queuedFetchField()}. The current
 * docs' training, model-operation and general pages have error bodies of their own ({@link Errors}). The enterprise
 * families ({@link #enterprise()}) are the dedicated server's paths, each with the conventions of its hosted twin.
 */
enum ApiFamily {

    /** The seed's stock V3 paths ({@code /api/v3/text2img}, img2img, inpaint, fetch, system_load, base64_crop). */
    V3("/api/v3/fetch/", 200, ValidationForm.FIELD_MAP, 200, 200, "messege", false, true, 30, List.of(), null,
            Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model id not found";
        }
    },
    /**
     * The 2023 pages' conventions beyond the stock paths: community / Dreambooth V4 ({@code /api/v4/dreambooth...} and
     * the older {@code /api/v3/dreambooth/fetch/{id}}), ControlNet and text to video V5, and V3 super resolution. As V3,
     * but a processing answer has {@code output: ""}, as those pages show it, and a fetch of a job still queued answers
     * the bare {@code {"status":"processing","messege":"try again later.","output":""}}.
     */
    COMMUNITY("/api/v4/dreambooth/fetch/", 200, ValidationForm.FIELD_MAP, 200, 200, "messege", false, true, 30, "",
            "messege", Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model id not found";
        }
    },
    /**
     * {@code /api/v6/realtime} (and {@code /api/v6/base64_to_url}). Its field failures are the field map (with 400); a
     * missing prompt is the error-codes page's plain {@code "prompt is required"} with 400.
     */
    V6_REALTIME("/api/v6/realtime/fetch/", 401, ValidationForm.FIELD_MAP_OR_PROMPT_REQUIRED, 400, 404, "message", true,
            false, 20, List.of(), null, Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }
    },
    /**
     * {@code /api/v6/images} (community models, v6). Its OpenAPI lists its error body, a plain {@code message}, under
     * HTTP 200: validation errors are the plain Laravel text ({@code "The prompt field is required."}) with 200. Steps
     * default to 31 and are capped at 20 in {@code meta}, as documented. A fetch of a job still queued answers the bare
     * form the community fetch page shows, {@code messege} and all.
     */
    V6_IMAGES("/api/v6/images/fetch/", 401, ValidationForm.PLAIN_TEXT, 200, 404, "message", true, false, 31,
            List.of(), "messege", Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }

        @Override
        int metaSteps(int steps) {
            return Math.min(steps, 20);
        }
    },
    /**
     * {@code /api/v6/video}: validation errors are the error-codes page's short plain text
     * ({@code "num_frames must be between 1 and 25"}) with 400; a fetch of a queued job answers the full processing
     * body (its OpenAPI's VideoResponse).
     */
    V6_VIDEO("/api/v6/video/fetch/", 401, ValidationForm.SHORT_TEXT, 400, 404, "message", true, false, 20, List.of(),
            null, Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }
    },
    /**
     * {@code /api/v6/image_editing}: as {@link #V6_VIDEO}, but a fetch of a queued job answers the bare
     * {@code {"status":"processing","message":…,"output":"","tip":…}} of its OpenAPI's FetchProcessingResponse, and
     * a processing answer has {@code "proxy_links": ""}, as most of the editing pages show it (a list only on
     * success).
     */
    V6_EDITING("/api/v6/image_editing/fetch/", 401, ValidationForm.SHORT_TEXT, 400, 404, "message", true, false, 20,
            List.of(), "message", Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }

        @Override
        Object processingProxyLinks() {
            return "";
        }

        @Override
        int defaultScale() {
            return GenerationRequest.DEFAULT_SCALE_V6;
        }
    },
    /**
     * Model training ({@code /api/v3/fine_tune}, {@code lora_fine_tune}, {@code fine_tune_status}, cancel, delete,
     * {@code finetune_list}): the training OpenAPI's error body, {@code {"status":"error","messege":…,"code":…}}
     * ({@code messege} and an error code), with 400 for a bad request (validation errors in Laravel's words, as one
     * string), 401 for a bad key and 404 for an unknown training.
     */
    TRAINING(null, 401, ValidationForm.PLAIN_TEXT, 400, 404, "messege", false, false, 0, List.of(), null,
            Errors.TRAINING) {
        @Override
        String modelNotFound(String modelId) {
            return "Model id not found";
        }
    },
    /**
     * Model operations of the current docs ({@code /api/v3/load_model}): their OpenAPI's error body
     * {@code {"status":"error","message":…,"code":…}}, 400 for a bad request, 401 for a bad key.
     */
    MODEL_OPERATION(null, 401, ValidationForm.SHORT_TEXT, 400, 404, "message", false, false, 0, List.of(), null,
            Errors.MODEL_OPERATION) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }
    },
    /**
     * The general API of the current docs ({@code /api/v3/nsfw_image_check}, {@code /api/check_nsfw_cp}): its error
     * body {@code {"status":"error","message":…}} with 400 for a bad request, 401 (the error-codes page) for a bad
     * key.
     */
    GENERAL(null, 401, ValidationForm.SHORT_TEXT, 400, 404, "message", false, false, 0, List.of(), null,
            Errors.GENERAL) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }
    },
    /**
     * The enterprise (dedicated server) API of the 2023 pages, {@code /api/v1/enterprise/<op>} (and the Python SDK's
     * {@code /api/v1/enterprise/images/<op>}): community request bodies, and the community family's answers (the
     * field map, {@code messege}, {@code output: ""} while processing, the bare answer for a job still queued), all
     * with HTTP 200, but for a bad key: its OpenAPI lists that one alone, as 401. Its fetch takes {@code request_id}
     * in the body, and the emulator also takes the id in the path, where {@code fetch_result} points.
     */
    ENTERPRISE("/api/v1/enterprise/fetch/", 401, ValidationForm.FIELD_MAP, 200, 200, "messege", false, true, 30, "",
            "messege", Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model id not found";
        }

        @Override
        boolean enterprise() {
            return true;
        }
    },
    /** The enterprise realtime server, {@code /api/v1/enterprise/realtime/...}: as {@link #V6_REALTIME}. */
    ENTERPRISE_REALTIME("/api/v1/enterprise/realtime/fetch/", 401, ValidationForm.FIELD_MAP_OR_PROMPT_REQUIRED, 400,
            404, "message", true, false, 20, List.of(), null, Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }

        @Override
        boolean enterprise() {
            return true;
        }
    },
    /** The enterprise video server, {@code /api/v1/enterprise/video/...}: as {@link #V6_VIDEO}. */
    ENTERPRISE_VIDEO("/api/v1/enterprise/video/fetch/", 401, ValidationForm.SHORT_TEXT, 400, 404, "message", true,
            false, 20, List.of(), null, Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }

        @Override
        boolean enterprise() {
            return true;
        }
    },
    /**
     * The enterprise super resolution server, {@code /api/v1/enterprise/super_resolution/...} (its pages) or
     * {@code .../super-resolution/...} (its OpenAPI): as {@link #V6_EDITING}.
     */
    ENTERPRISE_SUPER_RESOLUTION("/api/v1/enterprise/super_resolution/fetch/", 401, ValidationForm.SHORT_TEXT, 400, 404,
            "message", true, false, 20, List.of(), "message", Errors.SEED) {
        @Override
        String modelNotFound(String modelId) {
            return "Model not found: " + modelId;
        }

        @Override
        Object processingProxyLinks() {
            return "";
        }

        @Override
        int defaultScale() {
            return GenerationRequest.DEFAULT_SCALE_V6;
        }

        @Override
        boolean enterprise() {
            return true;
        }
    };

    /**
     * How a family's error bodies look beyond {@code status}: the field of the message, whether an error {@code code}
     * (the HTTP status) is added, and the HTTP status of a request refused for another reason than validation (an
     * unknown model, an image that cannot be downloaded).
     */
    enum Errors {
        /** {@code message}; such errors are answered with HTTP 200 (the seed's and the v6 pages' error tab). */
        SEED("message", false, 200),
        /** The training OpenAPI's Error schema: {@code messege} and {@code code}, 400. */
        TRAINING("messege", true, 400),
        /** The model-operation OpenAPI's Error schema: {@code message} and {@code code}, 400. */
        MODEL_OPERATION("message", true, 400),
        /** The general API's Error schema: {@code message} only, 400. */
        GENERAL("message", false, 400);

        private final String messageField;
        private final boolean code;
        private final int requestErrorStatus;

        Errors(String messageField, boolean code, int requestErrorStatus) {
            this.messageField = messageField;
            this.code = code;
            this.requestErrorStatus = requestErrorStatus;
        }

        String messageField() {
            return messageField;
        }

        boolean code() {
            return code;
        }

        int requestErrorStatus() {
            return requestErrorStatus;
        }
    }

    /** How a family words the validation errors of a request. */
    enum ValidationForm {
        /** The seed's map of field to Laravel messages: {@code {"prompt":["The prompt field is required."]}}. */
        FIELD_MAP,
        /** The field map, except a missing prompt, which is the plain {@code "prompt is required"}. */
        FIELD_MAP_OR_PROMPT_REQUIRED,
        /** The Laravel messages as one plain string: {@code "The prompt field is required."}. */
        PLAIN_TEXT,
        /** The error-codes page's short form, one plain string: {@code "prompt is required"}. */
        SHORT_TEXT;

        private static final String PROMPT = "prompt";

        /** The {@code message} of the error body for {@code errors} (field to Laravel messages, in order). */
        Object message(Map<String, List<String>> errors) {
            switch (this) {
            case FIELD_MAP_OR_PROMPT_REQUIRED:
                List<String> prompt = errors.get(PROMPT);
                return prompt != null && prompt.contains("The prompt field is required.")
                        ? shortForm(PROMPT, "The prompt field is required.") : errors;
            case PLAIN_TEXT:
                return String.join(" ", errors.values().stream().flatMap(List::stream).toList());
            case SHORT_TEXT:
                List<String> messages = new ArrayList<>();
                errors.forEach((field, texts) -> texts.forEach(text -> messages.add(shortForm(field, text))));
                return String.join("; ", messages);
            default:
                return errors;
            }
        }

        /** "The num frames must be between 1 and 25." becomes "num_frames must be between 1 and 25". */
        static String shortForm(String field, String laravel) {
            String spaced = field.replace('_', ' ');
            String text = laravel.endsWith(".") ? laravel.substring(0, laravel.length() - 1) : laravel;
            for (String lead : List.of("The selected " + spaced + " ", "The " + spaced + " field ",
                    "The " + spaced + " ")) {
                if (text.startsWith(lead)) {
                    return field + " " + text.substring(lead.length());
                }
            }
            return text;
        }
    }

    private final String fetchPath;
    private final int invalidKeyStatus;
    private final ValidationForm validationForm;
    private final int validationStatus;
    private final int unknownJobStatus;
    private final String processingMessageField;
    private final boolean proxyLinks;
    private final boolean safetyCheckerDefault;
    private final int defaultSteps;
    private final Object processingOutput;
    private final String queuedFetchField;
    private final Errors errors;

    ApiFamily(String fetchPath, int invalidKeyStatus, ValidationForm validationForm, int validationStatus,
            int unknownJobStatus, String processingMessageField, boolean proxyLinks, boolean safetyCheckerDefault,
            int defaultSteps, Object processingOutput, String queuedFetchField, Errors errors) {
        this.fetchPath = fetchPath;
        this.invalidKeyStatus = invalidKeyStatus;
        this.validationForm = validationForm;
        this.validationStatus = validationStatus;
        this.unknownJobStatus = unknownJobStatus;
        this.processingMessageField = processingMessageField;
        this.proxyLinks = proxyLinks;
        this.safetyCheckerDefault = safetyCheckerDefault;
        this.defaultSteps = defaultSteps;
        this.processingOutput = processingOutput;
        this.queuedFetchField = queuedFetchField;
        this.errors = errors;
    }

    /** Both documented texts for an unknown {@code model_id}. */
    abstract String modelNotFound(String modelId);

    /**
     * Whether its paths are a dedicated server's: they take only the enterprise keys (and the other paths only the
     * others), their models are the ones loaded on the server, and the server operations act on their jobs.
     */
    boolean enterprise() {
        return false;
    }

    /** A super resolution's {@code scale} when none is sent: v6's documented 3, else 4 (the default model's). */
    int defaultScale() {
        return GenerationRequest.DEFAULT_SCALE_V3;
    }

    /** The steps {@code meta} reports for {@code steps} asked for. */
    int metaSteps(int steps) {
        return steps;
    }

    /** The {@code proxy_links} of a processing answer, or null when it has none. */
    Object processingProxyLinks() {
        return null;
    }

    /** How its error bodies look. */
    Errors errors() {
        return errors;
    }

    /** Where a queued job of this family is fetched by default: this prefix plus the job id (null: no jobs). */
    String fetchPath() {
        return fetchPath;
    }

    int invalidKeyStatus() {
        return invalidKeyStatus;
    }

    ValidationForm validationForm() {
        return validationForm;
    }

    int validationStatus() {
        return validationStatus;
    }

    int unknownJobStatus() {
        return unknownJobStatus;
    }

    String processingMessageField() {
        return processingMessageField;
    }

    boolean proxyLinks() {
        return proxyLinks;
    }

    boolean safetyCheckerDefault() {
        return safetyCheckerDefault;
    }

    int defaultSteps() {
        return defaultSteps;
    }

    /**
     * The {@code output} of a processing answer: an empty list ({@link #V3}, undocumented for its stock paths, kept as
     * the emulator always answered; and v6) or an empty string (the 2023 community / ControlNet pages).
     */
    Object processingOutput() {
        return processingOutput;
    }

    /**
     * On this family's fetch paths, the message field of the bare answer for a job still queued (no id, no eta), or
     * null when they answer the full processing body instead.
     */
    String queuedFetchField() {
        return queuedFetchField;
    }
}
