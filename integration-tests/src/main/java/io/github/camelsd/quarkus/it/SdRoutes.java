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
    static final String WEBHOOK_TEXT2IMG = "direct:webhook-text2img";
    static final String WEBHOOK_SUBMIT = "direct:webhook-submit";
    /** Where the API calls back: this application's own HTTP server (platform-http). */
    static final String CALLBACK_PATH = "/sd/callback";

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
        // the job completes from its callback; the fallback poll is far later than the job's 500 ms
        from(WEBHOOK_TEXT2IMG).routeId("webhook-text2img")
                .to("sd:text2img?webhook=auto&webhookUrl={{sd.callback-url}}&webhookPollInterval=60s");
        from(WEBHOOK_SUBMIT).routeId("webhook-submit")
                .to("sd:text2img?webhook=auto&webhookUrl={{sd.callback-url}}&waitForResult=false");
        from("sd:webhook?path=" + CALLBACK_PATH + "&bridgeErrorHandler=true").routeId("callbacks")
                .process(e -> e.getContext().getRegistry().findSingleByType(SdCallbacks.class).received(e));
    }
}
