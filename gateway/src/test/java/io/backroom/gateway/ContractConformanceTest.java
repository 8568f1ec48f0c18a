package io.backroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.backroom.api.ApiVersion;
import io.backroom.gateway.support.TestStores;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document in client-sdk is the source of truth: the gateway serves exactly what it declares. */
class ContractConformanceTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @TempDir
    Path dir;

    @Test
    void gatewayServesExactlyThePathsAndMethodsTheContractDeclares() throws Exception {
        Set<String> declared = contractRoutes();
        try (GatewayServer server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(dir.resolve("gw.db")), "none",
                Clock.systemUTC()))) {
            assertThat(new TreeSet<>(server.routes()))
                    .as("routes served by the gateway vs declared in openapi.yaml")
                    .isEqualTo(declared);
        }
    }

    @Test
    void everyContractPathIsVersioned() throws Exception {
        assertThat(contractRoutes()).allSatisfy(route -> assertThat(route).contains(" /api/v1/"));
    }

    static Set<String> contractRoutes() throws Exception {
        JsonNode doc;
        try (InputStream in = ApiVersion.class.getResourceAsStream(ApiVersion.OPENAPI_RESOURCE)) {
            assertThat(in).as("openapi.yaml on the class path").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Set<String> routes = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return routes;
    }
}
