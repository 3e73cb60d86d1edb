package io.github.camelsd.component.request;

import java.util.Map;

import io.github.camelsd.component.SdOperation;

/**
 * One call's body and where it goes: the route depends on the request itself (a {@code model_id} from the options, the
 * body or a header selects the community paths), so it is decided when the request is assembled.
 */
public record SdRequest(SdOperation.Route route, Map<String, Object> body) {
}
