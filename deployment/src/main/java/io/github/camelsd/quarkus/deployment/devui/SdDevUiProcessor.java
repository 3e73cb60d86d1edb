package io.github.camelsd.quarkus.deployment.devui;

import java.util.List;

import io.github.camelsd.quarkus.deployment.SdProcessor;
import io.github.camelsd.quarkus.devui.SdDevUiJobs;
import io.github.camelsd.quarkus.devui.SdDevUiJsonRpcService;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The camel-sd card of the Dev UI: where the sd component sends its calls and the jobs in flight (on the card), and a
 * page that renders a prompt with {@code sd:text2img} through the application's CamelContext.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
class SdDevUiProcessor {

    /** Build-time data of the card: whether the base URL is the Dev Services emulator's. */
    static final String DEV_SERVICE = "devService";

    @BuildStep
    CardPageBuildItem card(List<DevServicesResultBuildItem> devServices) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.setCustomCard("qwc-sd-card.js");
        card.addBuildTimeData(DEV_SERVICE,
                devServices.stream().anyMatch(service -> SdProcessor.FEATURE.equals(service.getName())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Text to image")
                .icon("font-awesome-solid:image")
                .componentLink("qwc-sd-text2img.js"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(SdDevUiJsonRpcService.class);
    }

    /** The Dev UI finds a provider's methods in the combined index, which the runtime module is not part of. */
    @BuildStep
    AdditionalIndexedClassesBuildItem jsonRpcIndex() {
        return new AdditionalIndexedClassesBuildItem(SdDevUiJsonRpcService.class.getName());
    }

    /** The card's count of jobs in flight: an event notifier, so only where the card is. */
    @BuildStep
    AdditionalBeanBuildItem jobs() {
        return AdditionalBeanBuildItem.unremovableOf(SdDevUiJobs.class);
    }
}
