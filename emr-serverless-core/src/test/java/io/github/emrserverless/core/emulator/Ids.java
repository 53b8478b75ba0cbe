package io.github.emrserverless.core.emulator;

import java.util.Random;

/** IDs in the service's form (16 characters of 0-9 and a-z), repeatable for one seed. */
final class Ids {

    private final Random random;

    Ids(long seed) {
        this.random = new Random(seed);
    }

    synchronized String next() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }
}
