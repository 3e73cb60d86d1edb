package io.github.camelsd.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL routes the tests drive; {@code routes/yaml-text2img.yaml} has the same text2img route in YAML. The
 * component options (key, base URL, poll interval) come from application.properties and Dev Services, not from here.
 */
public class SdRoutes extends RouteBuilder {

    static final String TEXT2IMG = "direct:text2img";
    static final String YAML_TEXT2IMG = "direct:yaml-text2img";
    static final String IMG2IMG = "direct:img2img";
    static final String FINE_TUNE = "direct:fine-tune";
    static final String INPAINT = "direct:inpaint";
    static final String SUBMIT = "direct:submit";
    static final String FETCH = "direct:fetch";
    static final String SYSTEM_LOAD = "direct:system-load";
    static final String WRONG_KEY = "direct:wrong-key";

    /** Not the Dev Services key: the API answers "Invalid Api Key". */
    static final String WRONG_KEY_VALUE = "not-a-valid-key";

    @Override
    public void configure() {
        from(TEXT2IMG).routeId("text2img").to("sd:text2img");
        from(IMG2IMG).routeId("img2img").to("sd:img2img?strength=0.7");
        from(FINE_TUNE).routeId("fine-tune").to("sd:fine-tune?instancePrompt=photo of adhik person"
                                                + "&classPrompt=photo of a person&baseModelId=sdxl&maxTrainSteps=2"
                                                + "&trainingPollInterval=100");
        from(INPAINT).routeId("inpaint").to("sd:inpaint");
        // hand the job over at once; sd:fetch picks it up later by id
        from(SUBMIT).routeId("submit").to("sd:text2img?waitForResult=false");
        from(FETCH).routeId("fetch").to("sd:fetch");
        from(SYSTEM_LOAD).routeId("system-load").to("sd:system-load");
        from(WRONG_KEY).routeId("wrong-key").to("sd:text2img?apiKey=RAW(" + WRONG_KEY_VALUE + ")");
    }
}
