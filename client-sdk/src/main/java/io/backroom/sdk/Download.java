package io.backroom.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A streamed binary answer, such as an invoice PDF. The bytes are read from the connection as the
 * caller consumes them, never held whole in memory. Close it (try-with-resources) to release the
 * connection.
 */
public final class Download implements AutoCloseable {
    private final InputStream body;
    private final String contentType;
    private final long contentLength;
    private final String fileName;

    /**
     * @param body          the body, read lazily from the connection; closing it releases the connection
     * @param contentType   the media type, or {@code null}
     * @param contentLength the length in bytes, or {@code -1} when unknown
     * @param fileName      the file name suggested by {@code Content-Disposition}, or {@code null}
     */
    public Download(InputStream body, String contentType, long contentLength, String fileName) {
        this.body = Objects.requireNonNull(body, "body");
        this.contentType = contentType;
        this.contentLength = contentLength;
        this.fileName = fileName;
    }

    /** The body. Read it once; closing it (or this download) releases the connection. */
    public InputStream inputStream() {
        return body;
    }

    /** The media type, for example {@code application/pdf}. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** The length in bytes, when the gateway announced it. */
    public OptionalLong contentLength() {
        return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    /** The file name the gateway suggested, if any. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /**
     * Copies the rest of the body to {@code out} and closes this download.
     *
     * @return the number of bytes copied
     * @throws BackroomIoException if the connection breaks or the body ends early
     */
    public long transferTo(OutputStream out) {
        try (this) {
            long copied = body.transferTo(out);
            if (contentLength >= 0 && copied != contentLength) {
                throw new BackroomIoException("The download ended after " + copied + " of " + contentLength + " bytes", null);
            }
            return copied;
        } catch (IOException e) {
            throw new BackroomIoException("The download broke off: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the body to {@code target} (replacing it) through a temporary file in the same folder,
     * so a broken download never leaves a partial file under the target's name.
     *
     * @return the number of bytes written
     */
    public long saveTo(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        Path partial;
        try {
            partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not create a file in " + folder, e);
        }
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the file is a leftover temporary
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the download's connection", e);
        }
    }
}
