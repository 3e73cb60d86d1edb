package io.github.camelsd.quarkus.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The camel.sd.* meters, as Prometheus shows them, after a job that worked and one that failed. */
@QuarkusTest
class SdMetricsTest {

    @Test
    void trainingStagesAreCounted() {
        String image = SdOperationsTest.text2img("metrics: a face to train on").get(0);
        given().queryParam("image", image).when().post("/sd/fine-tune")
                .then().statusCode(200).body("stage", org.hamcrest.Matchers.equalTo("model_ready"));
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("camel_sd_training_stages_total{stage=\"deploying_gpu\"}"))
                .body(containsString("camel_sd_training_stages_total{stage=\"model_ready\"}"))
                .body(containsString("camel_sd_jobs_started_total{operation=\"fine-tune\"}"));
    }

    @Test
    void jobsAreCountedTimedAndTaggedWithoutTheKey() {
        SdOperationsTest.text2img("metrics: a blue bicycle");
        given().contentType(ContentType.TEXT).body(Prompts.unique("metrics: wrong key"))
                .when().post("/sd/wrong-key/text2img")
                .then().statusCode(502);

        String key = ConfigProvider.getConfig().getValue("camel.component.sd.api-key", String.class);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("camel_sd_jobs_started_total{operation=\"text2img\"}"))
                .body(containsString("camel_sd_jobs_succeeded_total{operation=\"text2img\",status=\"success\"}"))
                .body(containsString(
                        "camel_sd_jobs_failed_total{exception=\"SdInvalidKeyException\",operation=\"text2img\"}"))
                .body(containsString("camel_sd_generation_time_seconds_count{operation=\"text2img\"}"))
                .body(containsString("camel_sd_jobs_polls_count{operation=\"text2img\"}"))
                .body(containsString("camel_sd_jobs_duration_seconds_count{operation=\"text2img\"}"))
                .body(containsString("camel_sd_jobs_in_flight"))
                // health probes call system-load: they are not jobs
                .body(not(containsString("operation=\"system-load\"")))
                .body(not(containsString(key)))
                .body(not(containsString(SdRoutes.WRONG_KEY_VALUE)));
    }
}
