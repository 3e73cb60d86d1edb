package io.github.camelsd.quickstart;

import org.apache.camel.builder.RouteBuilder;

/**
 * The main job as a route: a prompt (text or whole JSON request) goes to sd:text2img, which downloads the images at
 * once (the API's links can be temporary); the images and a JSON sidecar
 * go to the output folder. Added by {@link SdQuickstart} once the sd component knows where the API is.
 */
public class RenderRoutes extends RouteBuilder {

    static final String RENDER = "direct:render";
    static final String NAME = "QuickstartName";

    private final ResultFiles resultFiles;

    RenderRoutes(ResultFiles resultFiles) {
        this.resultFiles = resultFiles;
    }

    @Override
    public void configure() {
        // SdQuickstart reports each failed prompt with its reason; Camel need not log it a second time
        errorHandler(defaultErrorHandler().logExhausted(false));

        from(RENDER).routeId("render")
                .to("sd:text2img?outputFormat=bytes")
                .process(resultFiles);
    }
}
