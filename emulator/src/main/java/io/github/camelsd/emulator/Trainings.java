package io.github.camelsd.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The trainings of one emulator, in the order they were started, and the models loaded with {@code load_model}. A
 * training's model exists for its own key once the training is ready; a loaded model exists at once, for its key when
 * private and for every key when public. Ids are ten letters and digits, as the documented {@code F5jvdzGnYi}.
 */
final class Trainings {

    /** A model loaded with {@code load_model}. */
    record LoadedModel(String modelId, String key, boolean visibleToAll) {
    }

    private static final String ID_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 10;

    private final Map<String, Training> trainings = new LinkedHashMap<>(); // guarded by this
    private final Map<String, LoadedModel> loaded = new LinkedHashMap<>(); // guarded by this

    /** Starts a training of {@code key} now; it is ready after {@code time}. */
    synchronized Training start(String key, Training.Kind kind, String webhook, long now, Duration time) {
        String id;
        do {
            StringBuilder letters = new StringBuilder(ID_LENGTH);
            for (int i = 0; i < ID_LENGTH; i++) {
                letters.append(ID_LETTERS.charAt(ThreadLocalRandom.current().nextInt(ID_LETTERS.length())));
            }
            id = letters.toString();
        } while (trainings.containsKey(id));
        Training training = new Training(id, key, kind, webhook, now, time);
        trainings.put(id, training);
        return training;
    }

    /** The training {@code id} of {@code key}; null when there is none (another key's is as unknown). */
    synchronized Training find(String id, String key) {
        Training training = id == null ? null : trainings.get(id);
        return training != null && training.key().equals(key) ? training : null;
    }

    /** The training {@code id} whatever its key, or null. */
    synchronized Training find(String id) {
        return id == null ? null : trainings.get(id);
    }

    /** Whether {@code training} is still kept (not deleted, nor forgotten by a reset). */
    synchronized boolean holds(Training training) {
        return trainings.get(training.id()) == training;
    }

    /** Deletes the training {@code id} of {@code key}; returns it, or null when there was none. */
    synchronized Training remove(String id, String key) {
        Training training = find(id, key);
        if (training != null) {
            trainings.remove(id);
        }
        return training;
    }

    /** The ids of the trainings of {@code key}, oldest first. */
    synchronized List<String> ids(String key) {
        return trainings.values().stream().filter(training -> training.key().equals(key)).map(Training::id).toList();
    }

    /** Keeps {@code modelId} as loaded by {@code key}; a model loaded again under the same id is replaced. */
    synchronized void load(String modelId, String key, boolean visibleToAll) {
        loaded.put(modelId, new LoadedModel(modelId, key, visibleToAll));
    }

    /** Whether {@code key} may use {@code modelId}: its own ready training, its own or a public loaded model. */
    synchronized boolean knows(String modelId, String key, long now) {
        LoadedModel model = loaded.get(modelId);
        if (model != null && (model.visibleToAll() || model.key().equals(key))) {
            return true;
        }
        Training training = find(modelId, key);
        return training != null && training.ready(now);
    }

    /** The public loaded models' ids, oldest first: {@code model_list} lists them. */
    synchronized List<String> publicModels() {
        return loaded.values().stream().filter(LoadedModel::visibleToAll).map(LoadedModel::modelId).toList();
    }

    synchronized List<Training> all() {
        return new ArrayList<>(trainings.values());
    }

    synchronized void clear() {
        trainings.clear();
        loaded.clear();
    }
}
