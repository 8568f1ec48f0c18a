package io.backroom.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Backroom icon (a stock-room shelf on a teal tile) with Java2D shapes only, so it needs
 * no font, and writes it in the three formats jpackage wants: PNG (Linux), ICO (Windows, PNG
 * entries) and ICNS (macOS, PNG entries).
 */
public final class IconSet {
    private static final Color TILE_TOP = new Color(0x23, 0x7F, 0x89);
    private static final Color TILE_BOTTOM = new Color(0x12, 0x40, 0x47);
    private static final Color SHELF = new Color(0xF4, 0xF7, 0xF8);
    private static final Color BOX = new Color(0xF2, 0xB4, 0x41);
    private static final Color BOX_FLAGGED = new Color(0xE0, 0x5A, 0x47);

    private IconSet() {
    }

    /** The icon drawn at {@code size} x {@code size} pixels, transparent outside the rounded tile. */
    public static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            g.setPaint(new GradientPaint(0, 0, TILE_TOP, 0, 100, TILE_BOTTOM));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));

            g.setColor(SHELF);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new RoundRectangle2D.Double(20, 18, 60, 66, 6, 6));
            g.fill(new Rectangle2D.Double(20, 40, 60, 4));
            g.fill(new Rectangle2D.Double(20, 62, 60, 4));

            box(g, BOX, 26, 27, 14, 13);
            box(g, BOX, 44, 30, 11, 10);
            box(g, BOX_FLAGGED, 59, 25, 15, 15);
            box(g, BOX, 26, 49, 22, 13);
            box(g, BOX, 52, 52, 10, 10);
            box(g, BOX, 30, 71, 16, 11);
            box(g, BOX, 50, 69, 20, 13);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void box(Graphics2D g, Color color, double x, double y, double w, double h) {
        g.setColor(color);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, 2.5, 2.5));
    }

    /** PNG bytes of the icon at {@code size}. */
    public static byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(draw(size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Windows icon holding PNG images of the given sizes (at most 256). */
    public static byte[] ico(List<Integer> sizes) {
        List<byte[]> images = sizes.stream().map(IconSet::png).toList();
        int headerBytes = 6 + 16 * sizes.size();
        int total = headerBytes + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        int offset = headerBytes;
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            if (size < 1 || size > 256) {
                throw new IllegalArgumentException("ICO images are 1 to 256 pixels, got " + size);
            }
            buf.put((byte) (size == 256 ? 0 : size)).put((byte) (size == 256 ? 0 : size))
                    .put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(buf::put);
        return buf.array();
    }

    /** A macOS icon with PNG images at 128, 256 and 512 pixels ({@code ic07}, {@code ic08}, {@code ic09}). */
    public static byte[] icns() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ic07", png(128));
        entries.put("ic08", png(256));
        entries.put("ic09", png(512));
        int total = 8 + entries.values().stream().mapToInt(b -> 8 + b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        buf.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        entries.forEach((type, data) -> buf.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(8 + data.length).put(data));
        return buf.array();
    }

    /** Writes {@code backroom.png}, {@code backroom.ico} and {@code backroom.icns} into {@code dir}. */
    public static void writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("backroom.png"), png(256));
            Files.write(dir.resolve("backroom.ico"), ico(List.of(16, 24, 32, 48, 64, 128, 256)));
            Files.write(dir.resolve("backroom.icns"), icns());
        } catch (IOException e) {
            throw new InstallerException("Could not write the icons to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The icon file jpackage expects on the operating system this runs on. */
    public static Path forCurrentOs(Path dir) {
        return dir.resolve(switch (HostOs.current()) {
            case WINDOWS -> "backroom.ico";
            case MAC -> "backroom.icns";
            case LINUX -> "backroom.png";
        });
    }
}
