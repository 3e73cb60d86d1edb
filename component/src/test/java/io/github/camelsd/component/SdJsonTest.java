package io.github.camelsd.component;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
