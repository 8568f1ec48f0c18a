package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.ok;
import static io.backroom.sdk.MockGateway.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.backroom.api.model.Me;
import io.backroom.api.model.Token;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AuthenticationTest {
    private static final String SECRET = "s3cret-Pa55word";

    private final MockGateway gateway = new MockGateway();
    private final List<char[]> handedOut = new ArrayList<>();
    private final Supplier<char[]> password = () -> {
        char[] copy = SECRET.toCharArray();
        handedOut.add(copy);
        return copy;
    };

    @AfterEach
    void stop() {
        gateway.close();
    }

    private static Token token(String value) {
        return new Token(value, "Bearer", Instant.parse("2099-01-01T00:00:00Z"), null);
    }

    private static Me me() {
        return new Me(null, List.of("invoice.release"), Instant.parse("2099-01-01T00:00:00Z"));
    }

    @Test
    void obtainsATokenAndSendsIt() {
        gateway.enqueue(ok(token("tok-1"))).enqueue(ok(me())).enqueue(ok(me()));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            assertThat(client.me().permissions()).containsExactly("invoice.release");
            client.auth().me();
        }
        RecordedRequest signIn = gateway.take();
        assertThat(signIn.getMethod()).isEqualTo("POST");
        assertThat(signIn.getTarget()).isEqualTo("/api/v1/auth/token");
        assertThat(signIn.getBody().utf8()).isEqualTo("{\"username\":\"ap.clerk\",\"password\":\"" + SECRET + "\"}");
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(handedOut).hasSize(1);
        assertThat(handedOut.get(0)).containsOnly('\0');
    }

    @Test
    void refreshesTheTokenOnceOn401AndReplaysTheCall() {
        gateway.enqueue(ok(token("tok-1"))).enqueue(problem(401, "unauthorized", "token expired"))
                .enqueue(ok(token("tok-2"))).enqueue(ok(me()));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            assertThat(client.me()).isNotNull();
        }
        gateway.take();
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(gateway.take().getTarget()).isEqualTo("/api/v1/auth/token");
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
        assertThat(gateway.sleeps).isEmpty();
    }

    @Test
    void givesUpWhenTheFreshTokenIsRejectedToo() {
        gateway.enqueue(ok(token("tok-1"))).enqueue(problem(401, "unauthorized", "revoked"))
                .enqueue(ok(token("tok-2"))).enqueue(problem(401, "unauthorized", "still no"));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            assertThatThrownBy(client::me).isInstanceOf(UnauthorizedException.class).hasMessageContaining("still no");
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void reportsRejectedCredentialsAsUnauthorizedWithoutRetrying() {
        gateway.enqueue(problem(401, "unauthorized", "wrong user name or password"));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            assertThatThrownBy(() -> client.invoices().get("INV-1")).isInstanceOf(UnauthorizedException.class)
                    .hasMessageContaining("wrong user name or password");
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsAnUnreadableTokenAnswerAsAnInvalidResponse() {
        gateway.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"tokenType\":\"Bearer\"}"));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            assertThatThrownBy(client::me).isInstanceOf(BackroomInvalidResponseException.class).hasMessageContaining("accessToken");
        }
    }

    @Test
    void usesAGivenTokenAsIsAndDoesNotRefreshIt() {
        gateway.enqueue(problem(401, "unauthorized", "expired"));
        try (BackroomClient client = gateway.client().token("given-token").build()) {
            assertThatThrownBy(client::me).isInstanceOf(UnauthorizedException.class);
        }
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer given-token");
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sendsNoCredentialsToTheHealthRoute() {
        gateway.enqueue(ok(MockGateway.health()));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            client.health();
        }
        assertThat(gateway.take().getHeaders().get("Authorization")).isNull();
        assertThat(handedOut).isEmpty();
    }

    @Test
    void renewsATokenThatIsAboutToExpire() {
        gateway.enqueue(ok(new Token("short", "Bearer", Instant.now().plusSeconds(10), null)))
                .enqueue(ok(me())).enqueue(ok(token("long"))).enqueue(ok(me()));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).build()) {
            client.me();
            client.me();
        }
        gateway.take();
        gateway.take();
        assertThat(gateway.take().getTarget()).isEqualTo("/api/v1/auth/token");
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer long");
    }

    @Test
    void signsInOnceForManyConcurrentCalls() throws Exception {
        AtomicInteger signIns = new AtomicInteger();
        gateway.server.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                if (request.getTarget().equals("/api/v1/auth/token")) {
                    signIns.incrementAndGet();
                    return ok(token("tok")).build();
                }
                return ok(me()).build();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (BackroomClient client = gateway.client().credentials("ap.clerk", password).asyncExecutor(pool).build()) {
            List<CompletableFuture<Me>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(client.async(BackroomClient::me));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(signIns).hasValue(1);
    }

    @Test
    void neverWritesThePasswordToTextOrLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        try {
            gateway.enqueue(problem(401, "unauthorized", "wrong password"));
            try (BackroomClient client = gateway.client().credentials("ap.clerk", password).metricsListener(m -> {
                throw new IllegalStateException("log this: " + m);
            }).build()) {
                Throwable error = org.assertj.core.api.Assertions.catchThrowable(client::me);
                assertThat(error).isInstanceOf(UnauthorizedException.class);
                StringBuilder text = new StringBuilder(client.toString()).append(client.options()).append(error);
                for (Throwable t = error; t != null; t = t.getCause()) {
                    text.append(t.getMessage());
                }
                logs.list.forEach(event -> text.append(event.getFormattedMessage()).append(event.getThrowableProxy() == null
                        ? "" : event.getThrowableProxy().getMessage()));
                assertThat(logs.list).isNotEmpty();
                assertThat(text.toString()).contains("ap.clerk").doesNotContain(SECRET);
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }
}
