package io.github.camelsd.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SdJsonTest {

    @Test
    void everyKeyIsMaskedWhereABodyIsLogged() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", "sk-api");
        body.put("wandb_key", "wandb-secret");
        body.put("instance_prompt", "photo of a keyboard");
        assertEquals("{\"key\":\"xxxxxx\",\"wandb_key\":\"xxxxxx\",\"instance_prompt\":\"photo of a keyboard\"}",
                SdJson.masked(body));
        assertEquals("sk-api", body.get("key"), "the body itself is left alone");
    }

    @Test
    void onlyAnObjectIsAnObject() throws IOException {
        assertEquals(Map.of("status", "success"), SdJson.readObject(bytes("{\"status\":\"success\"}")));
        for (String notAnObject : new String[] { "null", "42", "\"success\"", "[]", "", "{\"status\":" }) {
            assertThrows(IOException.class, () -> SdJson.readObject(bytes(notAnObject)), notAnObject);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
