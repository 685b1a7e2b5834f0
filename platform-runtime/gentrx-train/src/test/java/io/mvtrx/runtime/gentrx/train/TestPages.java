package io.mvtrx.runtime.gentrx.train;

import java.util.SplittableRandom;

import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;

/** Tokenised pages with a learnable pattern: order types cycle, prices follow the type, the rest is seeded noise. */
final class TestPages {

    private TestPages() {
    }

    static TokenizedPage page(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] type = new int[rows];
        int[] price = new int[rows];
        int[] volInt = new int[rows];
        int[] volDec = new int[rows];
        int[] interval = new int[rows];
        float[] lob = new float[rows * TokenizedPage.LOB_WIDTH];
        int[] time = new int[rows];
        int[] mid = new int[rows];
        for (int i = 0; i < rows; i++) {
            type[i] = i % 5;
            price[i] = 45 + 2 * type[i];
            volInt[i] = random.nextInt(8);
            volDec[i] = random.nextInt(8);
            interval[i] = 20 + random.nextInt(4);
            for (int k = 0; k < TokenizedPage.LOB_WIDTH; k++) {
                lob[i * TokenizedPage.LOB_WIDTH + k] = 1 + random.nextInt(5);
            }
            time[i] = (i / 10) % 17_281;
            mid[i] = 2000 + (i % 7) - 3;
        }
        return new TokenizedPage(type, price, volInt, volDec, interval, lob, time, mid);
    }
}
