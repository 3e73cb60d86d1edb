package io.github.camelsd.kaoto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The mapping of {@link KaotoEntry} is Kaoto's own: run over the Camel JSON of every stock component of the Camel Main
 * 4.14 catalog (arrays, maps, beans, secrets of every type, deprecated options, decimals: what sd has not), it gives
 * the propertiesSchema Kaoto's generator wrote for it, save where that generator clamps a Long default.
 */
class KaotoEntryTest {

    @Test
    void givesKaotosPropertiesSchemaForEveryStockComponent() {
        ObjectNode stock = Catalogs.stockComponents(Catalogs.stockDir(), "Main", "4.14");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonNode> component : (Iterable<Map.Entry<String, JsonNode>>) stock::fields) {
            JsonNode expected = component.getValue().get("propertiesSchema");
            ObjectNode actual = KaotoEntry.propertiesSchema(Catalogs.MAPPER, component.getValue().get("properties"));
            for (Map.Entry<String, JsonNode> property : (Iterable<Map.Entry<String, JsonNode>>) expected.get("properties")::fields) {
                JsonNode ours = actual.get("properties").get(property.getKey());
                compared++;
                if (!property.getValue().equals(ours) && !clampedLong(property.getValue(), ours)) {
                    differences.add(component.getKey() + "." + property.getKey() + ": Kaoto " + property.getValue()
                                    + ", ours " + ours);
                }
            }
            ObjectNode withoutProperties = actual.deepCopy();
            withoutProperties.remove("properties");
            ObjectNode expectedRest = expected.deepCopy();
            expectedRest.remove("properties");
            if (!expectedRest.equals(withoutProperties)) {
                differences.add(component.getKey() + ": Kaoto " + expectedRest + ", ours " + withoutProperties);
            }
        }
        assertTrue(compared > 5000, "compared " + compared);
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " differences");
    }

    /** Kaoto writes -1 for a Long default past JavaScript's safe integers (Long.MAX_VALUE: "no limit"). */
    private static boolean clampedLong(JsonNode kaoto, JsonNode ours) {
        if (ours == null || !kaoto.has("default") || !ours.has("default")) {
            return false;
        }
        ObjectNode a = kaoto.deepCopy();
        ObjectNode b = ours.deepCopy();
        boolean clamped = a.get("default").asLong() == -1 && b.get("default").asLong() == Long.MAX_VALUE;
        a.remove("default");
        b.remove("default");
        return clamped && a.equals(b);
    }
}
