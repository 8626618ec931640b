package io.newsroom.cms.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Pictures made in the test (no files from anywhere): each call a different one unless asked for the same. */
final class Pictures {
    private Pictures() {
    }

    /** A {@code width} × {@code height} picture in {@code format} (jpg, png, gif), with a pattern only {@code seed} repeats. */
    static byte[] picture(String format, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 4 + 1, height / 4 + 1);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] picture(String format, int width, int height) {
        return picture(format, width, height, ThreadLocalRandom.current().nextLong());
    }

    /**
     * Every rendition URL {@code renditions} (an item's, by shape) lists in its srcsets, each once: a shape whose crop is
     * the whole picture lists the original's files.
     */
    static Set<String> renditionUrls(Map<String, ?> renditions) {
        Set<String> urls = new LinkedHashSet<>();
        renditions.values().forEach(shape -> {
            Object srcset = ((Map<?, ?>) shape).get("srcset");
            ((Map<?, ?>) srcset).values().forEach(set -> {
                for (String candidate : set.toString().split(",")) {
                    urls.add(candidate.trim().split(" ")[0]);
                }
            });
        });
        return urls;
    }
}
