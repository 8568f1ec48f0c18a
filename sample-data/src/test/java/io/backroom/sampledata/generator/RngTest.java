package io.backroom.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTest {
    private static long[] draws(Rng r) {
        long[] out = new long[8];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextInt(1_000_000);
        }
        return out;
    }

    @Test
    void childStreamsDependOnlyOnSeedAndName() {
        Rng a = new Rng(5);
        Rng b = new Rng(5);
        draws(b.child("noise"));
        b.nextInt(10);
        assertThat(draws(a.child("pos").child("S001"))).isEqualTo(draws(b.child("pos").child("S001")));
        assertThat(draws(a.child("day", 3))).isEqualTo(draws(b.child("day", 3)));
    }

    @Test
    void differentNamesSeedsAndIndexesGiveDifferentStreams() {
        Rng root = new Rng(5);
        assertThat(draws(root.child("pos"))).isNotEqualTo(draws(root.child("procurement")));
        assertThat(draws(root.child("day", 1))).isNotEqualTo(draws(root.child("day", 2)));
        assertThat(draws(new Rng(5).child("pos"))).isNotEqualTo(draws(new Rng(6).child("pos")));
    }

    @Test
    void distributionsStayInTheirRange() {
        Rng r = new Rng(1);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            int p = r.poisson(4);
            assertThat(p).isNotNegative();
            sum += p;
            assertThat(r.between(3, 7)).isBetween(3, 7);
            assertThat(r.geometric(3)).isPositive();
        }
        assertThat(sum / 20_000).isBetween(3.9, 4.1);
    }
}
