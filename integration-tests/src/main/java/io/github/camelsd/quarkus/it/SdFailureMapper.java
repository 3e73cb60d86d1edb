package io.github.camelsd.quarkus.it;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelsd.component.error.SdException;
import io.github.camelsd.component.error.SdValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An sd failure as JSON: the exception's simple name, its message and whether a retry can succeed. A request rejected
 * before reaching the API is the caller's fault (400); anything the API or the connection answered is a 502.
 */
@Provider
public class SdFailureMapper implements ExceptionMapper<SdException> {

    @Override
    public Response toResponse(SdException failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exception", failure.getClass().getSimpleName());
        body.put("message", failure.getMessage());
        body.put("retryable", failure.isRetryable());
        body.put("httpStatus", failure.getHttpStatus());
        Response.Status status = failure instanceof SdValidationException && failure.getHttpStatus() == 0
                ? Response.Status.BAD_REQUEST
                : Response.Status.BAD_GATEWAY;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
