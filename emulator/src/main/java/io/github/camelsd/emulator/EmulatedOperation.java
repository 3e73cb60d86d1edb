package io.github.camelsd.emulator;

import java.util.List;

/**
 * The emulator's operation table: which paths it serves and what kind of answer each gives. Adding an operation of the
 * documented API is adding a row here (and its rules in {@link RequestRules}).
 */
enum EmulatedOperation {

    TEXT2IMG(Kind.GENERATE, List.of("/api/v3/text2img", "/api/v6/realtime/text2img"), false, false),
    IMG2IMG(Kind.GENERATE, List.of("/api/v3/img2img", "/api/v6/realtime/img2img"), true, false),
    INPAINT(Kind.GENERATE, List.of("/api/v3/inpaint", "/api/v6/realtime/inpaint"), true, true),
    /** The job id follows the path. */
    FETCH(Kind.FETCH, List.of("/api/v3/fetch/", "/api/v6/realtime/fetch/"), false, false),
    SYSTEM_LOAD(Kind.SYSTEM_LOAD, List.of("/api/v3/system_load"), false, false);

    enum Kind {
        GENERATE,
        FETCH,
        SYSTEM_LOAD
    }

    private final Kind kind;
    private final List<String> paths;
    private final boolean needsInitImage;
    private final boolean needsMaskImage;

    EmulatedOperation(Kind kind, List<String> paths, boolean needsInitImage, boolean needsMaskImage) {
        this.kind = kind;
        this.paths = paths;
        this.needsInitImage = needsInitImage;
        this.needsMaskImage = needsMaskImage;
    }

    Kind kind() {
        return kind;
    }

    boolean needsInitImage() {
        return needsInitImage;
    }

    boolean needsMaskImage() {
        return needsMaskImage;
    }

    /** The operation serving {@code path}, or null. Fetch paths match by prefix (the id follows). */
    static EmulatedOperation forPath(String path) {
        for (EmulatedOperation operation : values()) {
            for (String served : operation.paths) {
                if (operation.kind == Kind.FETCH ? path.startsWith(served) && path.length() > served.length()
                        : path.equals(served)) {
                    return operation;
                }
            }
        }
        return null;
    }

    /** v6 paths answer errors with 4xx statuses and flags as booleans; seed-era paths with HTTP 200. */
    static boolean isV6(String path) {
        return path.startsWith("/api/v6/");
    }
}
