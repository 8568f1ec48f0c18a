package io.backroom.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
    private final MockGateway gateway = new MockGateway();
    private final BackroomClient client = gateway.client().token("t").build();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    private static byte[] pdfBytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        return bytes;
    }

    private static MockResponse.Builder pdf(byte[] bytes) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/pdf")
                .addHeader("Content-Disposition", "attachment; filename=\"INV-1.pdf\"").body(new Buffer().write(bytes));
    }

    @Test
    void streamsTheDocumentBeforeItHasFullyArrived() throws Exception {
        byte[] bytes = pdfBytes(4 * 1024 * 1024);
        // 64 KiB every 100 ms: the whole body needs ~6.5 s to arrive
        gateway.enqueue(pdf(bytes).throttleBody(64 * 1024, 100, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        try (Download download = client.invoices().document("INV-1")) {
            assertThat(download.contentType()).contains("application/pdf");
            assertThat(download.contentLength()).hasValue(bytes.length);
            assertThat(download.fileName()).contains("INV-1.pdf");
            InputStream in = download.inputStream();
            byte[] head = in.readNBytes(9);
            assertThat(new String(head)).isEqualTo("%PDF-1.7\n");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(gateway.take().getTarget()).isEqualTo("/api/v1/invoices/INV-1/document");
    }

    @Test
    void savesTheWholeDocumentToAFile() {
        byte[] bytes = pdfBytes(3 * 1024 * 1024 + 17);
        gateway.enqueue(pdf(bytes));
        Path target = dir.resolve("INV-1.pdf");
        try (Download download = client.invoices().document("INV-1")) {
            assertThat(download.saveTo(target)).isEqualTo(bytes.length);
        }
        assertThat(target).hasBinaryContent(bytes);
        assertThat(dir.toFile().list()).containsExactly("INV-1.pdf");
    }

    @Test
    void leavesNoPartialFileWhenTheDownloadBreaksOff() throws Exception {
        gateway.enqueue(pdf(pdfBytes(2 * 1024 * 1024)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
        Path target = dir.resolve("INV-1.pdf");
        Files.writeString(target, "older copy");
        try (Download download = client.invoices().document("INV-1")) {
            assertThatThrownBy(() -> download.saveTo(target)).isInstanceOf(BackroomIoException.class);
        }
        assertThat(target).hasContent("older copy");
        assertThat(dir.toFile().list()).containsExactly("INV-1.pdf");
    }

    @Test
    void copiesToAStream() {
        byte[] bytes = pdfBytes(100_000);
        gateway.enqueue(pdf(bytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(client.invoices().document("INV-1").transferTo(out)).isEqualTo(bytes.length);
        assertThat(Arrays.equals(out.toByteArray(), bytes)).isTrue();
    }

    @Test
    void reportsAMissingDocumentAsNotFound() {
        gateway.enqueue(MockGateway.problem(404, "not-found", "INV-1 has no document"));
        assertThatThrownBy(() -> client.invoices().document("INV-1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void uploadsADocumentWithIfMatchAndReturnsTheNewVersion() throws Exception {
        byte[] bytes = pdfBytes(50_000);
        Path file = dir.resolve("in.pdf");
        Files.write(file, bytes);
        gateway.enqueue(new MockResponse.Builder().code(204).addHeader("ETag", "\"6\""));
        assertThat(client.invoices().attachDocument("INV-1", 5, file)).isEqualTo(6);
        var request = gateway.take();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getHeaders().get("If-Match")).isEqualTo("\"5\"");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/pdf");
        assertThat(request.getBody().toByteArray()).isEqualTo(bytes);
    }
}
