package io.github.camelsd.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order the network can give: the API may call back before the producer has read the submit's answer, that is
 * before the job's waiter exists. Under load this happened in SdWebhookTest (1,000 jobs): those callbacks found nobody
 * waiting and their jobs waited for the fallback poll. Driven here in that order, without timing.
 */
class SdWebhookRegistryTest {

    private static Map<String, Object> json(String status) {
        return Map.of("status", status);
    }

    @Test
    void aCallbackBeforeItsWaiterIsKeptForIt() {
        SdWebhookRegistry registry = new SdWebhookRegistry();
        registry.expect("t");
        assertTrue(registry.deliver("t", json("success")), "an expected job's callback is taken");

        List<Object> heard = new ArrayList<>();
        registry.await("t", payload -> heard.add(payload.get("status")));
        assertEquals(List.of("success"), heard, "the waiter gets it as soon as it listens");

        assertTrue(registry.deliver("t", json("success, copy 2")));
        assertEquals(2, heard.size(), "later ones go straight to the waiter (which ignores them once done)");
    }

    @Test
    void aTrainingsEarlyStagesArriveInOrder() {
        SdWebhookRegistry registry = new SdWebhookRegistry();
        registry.expect("t");
        for (String stage : List.of("deploying_gpu", "training_started", "model_ready")) {
            registry.deliver("t", json(stage));
        }
        List<Object> heard = new ArrayList<>();
        registry.await("t", payload -> heard.add(payload.get("status")));
        assertEquals(List.of("deploying_gpu", "training_started", "model_ready"), heard);
    }

    @Test
    void aCallbackNobodyExpectsIsNotTaken() {
        SdWebhookRegistry registry = new SdWebhookRegistry();
        assertFalse(registry.deliver("unknown", json("success")));
        registry.expect("t");
        registry.forget("t"); // the job ended without waiting
        assertFalse(registry.deliver("t", json("success")));
        assertEquals(0, registry.waitingCount());
    }
}
