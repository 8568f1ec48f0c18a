package io.backroom.sampledata.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A node of the generator's random tree. Every part of the generator draws from its own child, derived from the
 * parent's seed and a stable name, so adding draws in one part never shifts another part's numbers, and parallel
 * work stays reproducible. Not thread-safe: one node per thread.
 */
public final class Rng {
    private final long seed;
    private final SplittableRandom random;

    /** The root of the tree for a user-given seed. */
    public Rng(long seed) {
        this.seed = mix(seed);
        this.random = new SplittableRandom(this.seed);
    }

    private Rng(long derivedSeed, boolean derived) {
        this.seed = derivedSeed;
        this.random = new SplittableRandom(derivedSeed);
    }

    /** A child named {@code name}: the same parent seed and name always give the same stream. */
    public Rng child(String name) {
        long h = seed;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return new Rng(mix(h + 0x9E3779B97F4A7C15L), true);
    }

    /** A child for a numbered part, e.g. one store or one day. */
    public Rng child(String name, long index) {
        return child(name).childIndex(index);
    }

    private Rng childIndex(long index) {
        return new Rng(mix(seed ^ mix(index + 0x632BE59BD9B4E019L)), true);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [min, max] inclusive. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [min, max). */
    public double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal (Box-Muller). */
    public double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Log-normal with the given median and shape. */
    public double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Poisson-distributed count (normal approximation above 60). */
    public int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 60) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * gaussian()));
        }
        double limit = StrictMath.exp(-lambda);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** Geometric count >= 1 with the given mean. */
    public int geometric(double mean) {
        double p = 1.0 / mean;
        return 1 + (int) Math.floor(StrictMath.log(1.0 - random.nextDouble()) / StrictMath.log(1.0 - p));
    }

    /** A uniformly chosen element. */
    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A uniformly chosen element. */
    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Index drawn with probability proportional to {@code weights}. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A money amount uniform in [min, max), rounded to cents. */
    public BigDecimal money(double min, double max) {
        return new BigDecimal(uniform(min, max)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Random upper-case letters and digits. */
    public String code(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
