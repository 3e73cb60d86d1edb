package io.github.camelsd.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The models loaded on the emulator's one dedicated server, which every enterprise key and every enterprise path
 * share. It starts with a configured set; {@code load_model} adds a model that exists once its load time has passed,
 * {@code delete_model} removes one. Times are {@link System#nanoTime()} values; {@code loadedAt} is the wall-clock time
 * {@code get_all_models} reports.
 */
final class EnterpriseServer {

    /** A model on the server, usable from {@code readyNanos} on. */
    record Model(String modelId, long readyNanos, Instant loadedAt) {

        boolean ready(long now) {
            return now - readyNanos >= 0;
        }
    }

    /** {@code get_all_models}' {@code load_data}: {@code 01/25/2023 11:52:22} (UTC here; the docs name no zone). */
    static final DateTimeFormatter LOAD_DATA = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Set<String> initialModels;
    private final Map<String, Model> models = new LinkedHashMap<>(); // guarded by this

    EnterpriseServer(Set<String> initialModels) {
        this.initialModels = new TreeSet<>(initialModels);
        reset(System.nanoTime());
    }

    /** Starts loading {@code modelId}, ready after {@code time}; a model loaded again is replaced. Returns it. */
    synchronized Model load(String modelId, long now, Duration time) {
        Model model = new Model(modelId, now + time.toNanos(), Instant.now().plus(time));
        models.remove(modelId); // a model loaded again is listed as loaded last
        models.put(modelId, model);
        return model;
    }

    /** Whether {@code model} is still the one loaded under its id (not deleted, replaced or reset). */
    synchronized boolean holds(Model model) {
        return models.get(model.modelId()) == model;
    }

    /** Whether {@code modelId} is loaded and ready. */
    synchronized boolean has(String modelId, long now) {
        Model model = models.get(modelId);
        return model != null && model.ready(now);
    }

    /** Deletes {@code modelId} (loaded or still loading); says whether there was one. */
    synchronized boolean delete(String modelId) {
        return models.remove(modelId) != null;
    }

    /** The models ready now, in the order they were loaded. */
    synchronized List<Model> ready(long now) {
        List<Model> ready = new ArrayList<>();
        models.values().stream().filter(model -> model.ready(now)).forEach(ready::add);
        return ready;
    }

    /** Back to the configured models, loaded now. */
    synchronized void reset(long now) {
        models.clear();
        Instant wallClock = Instant.now();
        initialModels.forEach(modelId -> models.put(modelId, new Model(modelId, now, wallClock)));
    }
}
