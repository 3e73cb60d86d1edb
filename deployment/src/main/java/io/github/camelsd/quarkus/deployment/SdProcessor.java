package io.github.camelsd.quarkus.deployment;

import io.github.camelsd.component.SdImageRequest;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/** The camel-sd extension's build steps, one per concern. */
class SdProcessor {

    private static final String FEATURE = "camel-sd";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The component jar carries the @Component and @UriEndpoint classes Camel Quarkus discovers. */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camelsd", "camel-sd");
    }

    /** Jackson serializes the typed request by reflection; everything else it touches is a Map or a List. */
    @BuildStep
    ReflectiveClassBuildItem jacksonTypes() {
        return ReflectiveClassBuildItem.builder(SdImageRequest.class).methods().fields().build();
    }

    /** The component descriptor, read by tooling and by Camel's catalog at runtime. */
    @BuildStep
    NativeImageResourceBuildItem componentDescriptor() {
        return new NativeImageResourceBuildItem("META-INF/io/github/camelsd/component/sd.json");
    }
}
