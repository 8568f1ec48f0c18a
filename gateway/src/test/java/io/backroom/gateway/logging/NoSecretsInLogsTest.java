package io.backroom.gateway.logging;

import static io.backroom.gateway.support.Docs.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.GatewayFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The standalone gateway's logging configuration, run at TRACE: a sign-in, a wrong password and a few authenticated
 * calls leave neither the token nor a password anywhere in the output, while the output shows the requests.
 */
class NoSecretsInLogsTest {
    @TempDir
    Path dir;

    private PrintStream stdout;

    @AfterEach
    void restore() throws Exception {
        System.clearProperty("backroom.log.level");
        if (stdout != null) {
            System.setOut(stdout);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(NoSecretsInLogsTest.class.getResource("/logback-test.xml"));
    }

    @Test
    void aSignInAndAuthenticatedCallsAtTraceLogNoTokenAndNoPassword() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty("backroom.log.level", "TRACE");
        GatewayLogging.configure();

        String token;
        try (GatewayFixture gw = new GatewayFixture(dir)) {
            Api anonymous = gw.anonymous();
            assertThat(anonymous.post("/api/v1/auth/token", "{\"username\":\"clerk\",\"password\":\"wrong-secret-77\"}")
                    .status()).isEqualTo(401);
            Api clerk = gw.as("integration");
            token = clerk.token();
            assertThat(clerk.get("/api/v1/me").status()).isEqualTo(200);
            assertThat(clerk.post("/api/v1/invoices", invoice("LOG-1", "PO-NONE").line(1, "1", "1.00").build()).status())
                    .isEqualTo(201);
            assertThat(new Api(gw.base(), token + "x").get("/api/v1/me").status()).isEqualTo(401);
            // anything else that logs a credential (a library, a mistake) is redacted by the layout itself
            org.slf4j.Logger other = LoggerFactory.getLogger("some.library.wire");
            other.trace("> Authorization: Bearer {}", token);
            other.debug("body {\"username\":\"integration\",\"password\":\"pw-integration\",\"accessToken\":\"" + token + "\"}");
            other.info("form password=pw-integration&user=integration");
            other.warn("failed", new IllegalStateException("header was Bearer " + token));
        } finally {
            System.out.flush();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("TRACE").contains("/api/v1/me").contains("[REDACTED]");
        assertThat(log).doesNotContain(token).doesNotContain(token.substring(0, 16));
        assertThat(log).doesNotContain("pw-integration").doesNotContain("wrong-secret-77");
    }

    @Test
    void redactsHeadersTokensAndPasswordFields() {
        assertThat(Redaction.redact("Authorization: Bearer abc.def-ghi")).isEqualTo("Authorization: [REDACTED]");
        assertThat(Redaction.redact("got bearer abcdefgh1234 from client")).isEqualTo("got bearer [REDACTED] from client");
        assertThat(Redaction.redact("{\"password\":\"s3cr\\\"et\",\"username\":\"bob\"}"))
                .isEqualTo("{\"password\":\"[REDACTED]\",\"username\":\"bob\"}");
        assertThat(Redaction.redact("?access_token=xyz123&x=1")).isEqualTo("?access_token=[REDACTED]&x=1");
        assertThat(Redaction.redact("nothing secret here")).isEqualTo("nothing secret here");
    }
}
