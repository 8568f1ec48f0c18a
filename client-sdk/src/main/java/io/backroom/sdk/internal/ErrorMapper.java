package io.backroom.sdk.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiVersion;
import io.backroom.sdk.BackroomServiceException;
import io.backroom.sdk.BadRequestException;
import io.backroom.sdk.ConflictException;
import io.backroom.sdk.ForbiddenException;
import io.backroom.sdk.NotFoundException;
import io.backroom.sdk.PreconditionFailedException;
import io.backroom.sdk.ProblemDetails;
import io.backroom.sdk.RateLimitedException;
import io.backroom.sdk.ServerErrorException;
import io.backroom.sdk.UnauthorizedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Turns an error answer into the typed exception of its status family. */
final class ErrorMapper {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "requestId");

    private final ObjectMapper mapper;
    private final RetryPolicy retryPolicy;

    ErrorMapper(ObjectMapper mapper, RetryPolicy retryPolicy) {
        this.mapper = mapper;
        this.retryPolicy = retryPolicy;
    }

    /** Reads (at most 64 KiB of) the error body, closes it and builds the exception. */
    BackroomServiceException toException(Response response, ResponseBody errorBody) {
        ProblemDetails problem = readProblem(response, errorBody);
        Map<String, List<String>> headers = toMap(response.headers());
        int status = response.code();
        return switch (status) {
            case 400, 422 -> new BadRequestException(status, problem, headers);
            case 401 -> new UnauthorizedException(status, problem, headers);
            case 403 -> new ForbiddenException(status, problem, headers);
            case 404 -> new NotFoundException(status, problem, headers);
            case 409 -> new ConflictException(status, problem, headers);
            case 412 -> new PreconditionFailedException(status, problem, headers);
            case 429 -> new RateLimitedException(status, problem, headers,
                    retryPolicy.parseRetryAfter(response.header("Retry-After")).orElse(null));
            default -> status >= 500 ? new ServerErrorException(status, problem, headers)
                    : new BackroomServiceException(status, problem, headers);
        };
    }

    private ProblemDetails readProblem(Response response, ResponseBody errorBody) {
        String headerRequestId = response.header(ApiVersion.REQUEST_ID_HEADER);
        String fallbackTitle = response.message().isBlank() ? null : response.message();
        JsonNode node = readJson(errorBody);
        if (node == null || !node.isObject()) {
            return new ProblemDetails(null, fallbackTitle, null, null, headerRequestId, Map.of());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!STANDARD_MEMBERS.contains(field.getKey())) {
                extensions.put(field.getKey(), mapper.convertValue(field.getValue(), new TypeReference<Object>() { }));
            }
        });
        extensions.values().removeIf(java.util.Objects::isNull);
        return new ProblemDetails(text(node, "type"), text(node, "title") == null ? fallbackTitle : text(node, "title"),
                text(node, "detail"), text(node, "instance"),
                text(node, "requestId") == null ? headerRequestId : text(node, "requestId"), extensions);
    }

    private JsonNode readJson(ResponseBody body) {
        if (body == null) {
            return null;
        }
        try (body; InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            String text = new String(bytes, StandardCharsets.UTF_8).trim();
            return text.startsWith("{") ? mapper.readTree(text) : null;
        } catch (IOException unreadable) {
            // a broken or non-JSON error body still yields the status-typed error, without problem fields
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Map<String, List<String>> toMap(Headers headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name, headers.values(name));
        }
        return map;
    }
}
