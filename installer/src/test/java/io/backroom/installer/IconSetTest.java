package io.backroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconSetTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void drawsAnOpaqueTileWithTransparentCorners() {
        BufferedImage icon = IconSet.draw(256);

        assertThat(alpha(icon, 0, 0)).isZero();
        assertThat(alpha(icon, 128, 128)).isEqualTo(255);
        assertThat(alpha(icon, 20, 128)).isEqualTo(255);
    }

    @Test
    void writesAWindowsIconWhoseEntriesArePngsOfTheDeclaredSizes() throws IOException {
        byte[] ico = IconSet.ico(List.of(16, 48, 256));
        ByteBuffer buf = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(buf.getShort(0)).isZero();
        assertThat(buf.getShort(2)).isEqualTo((short) 1);
        assertThat(buf.getShort(4)).isEqualTo((short) 3);
        int[] expected = {16, 48, 256};
        for (int i = 0; i < 3; i++) {
            int entry = 6 + 16 * i;
            int declared = buf.get(entry) == 0 ? 256 : Byte.toUnsignedInt(buf.get(entry));
            BufferedImage image = decode(ico, buf.getInt(entry + 12), buf.getInt(entry + 8));
            assertThat(declared).isEqualTo(expected[i]);
            assertThat(image.getWidth()).isEqualTo(expected[i]);
        }
    }

    @Test
    void writesAMacIconWhoseLengthsAddUpAndWhoseEntriesArePngs() throws IOException {
        byte[] icns = IconSet.icns();
        ByteBuffer buf = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);

        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(buf.getInt(4)).isEqualTo(icns.length);
        List<Integer> widths = new ArrayList<>();
        for (int at = 8; at < icns.length; at += buf.getInt(at + 4)) {
            widths.add(decode(icns, at + 8, buf.getInt(at + 4) - 8).getWidth());
        }
        assertThat(widths).containsExactly(128, 256, 512);
    }

    @Test
    void writesTheThreeFormatsAndPicksTheOneForThisSystem(@TempDir Path dir) {
        IconSet.writeAll(dir);

        assertThat(dir.resolve("backroom.png")).isNotEmptyFile();
        assertThat(dir.resolve("backroom.ico")).isNotEmptyFile();
        assertThat(dir.resolve("backroom.icns")).isNotEmptyFile();
        assertThat(IconSet.forCurrentOs(dir)).exists();
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static BufferedImage decode(byte[] container, int offset, int length) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(container, offset, offset + length)));
        assertThat(image).as("PNG at offset " + offset).isNotNull();
        return image;
    }
}
