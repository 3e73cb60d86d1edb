package io.github.camelsd.quickstart;

import org.apache.camel.builder.RouteBuilder;

/**
 * The main job as a route: a prompt (text or whole JSON request) goes to sd:text2img, the images and a JSON sidecar
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
        from(RENDER).routeId("render")
                .to("sd:text2img")
                .process(resultFiles);
    }
}
