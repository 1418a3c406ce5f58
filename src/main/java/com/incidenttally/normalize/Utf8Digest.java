package com.incidenttally.normalize;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Feeds text to a digest as its UTF-8 bytes, the bytes {@code String.getBytes(UTF_8)} gives (a lone
 * surrogate as {@code ?}), through a buffer kept per thread instead of a new array per value: a
 * row's content hash digests every value of every row.
 */
final class Utf8Digest {

    private static final int BUFFER = 8192;
    /**
     * This thread's SHA-256 digest and buffer, taken with one thread-local lookup per row: a lookup costs more
     * than a value's bytes (the ingest threads hold many thread-locals, and a lookup that misses its slot probes).
     */
    private static final ThreadLocal<Sha256> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return new Sha256(MessageDigest.getInstance("SHA-256"), new byte[BUFFER]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A SHA-256 digest and a buffer for {@link #update}, of one thread. */
    record Sha256(MessageDigest digest, byte[] buffer) {
    }

    private Utf8Digest() {
    }

    /** This thread's digest and buffer. */
    static Sha256 sha256() {
        return SHA256.get();
    }

    /** @param b a buffer of {@link Sha256#buffer()}'s */
    static void update(MessageDigest digest, String text, byte[] b) {
        int p = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (p > BUFFER - 4) {
                digest.update(b, 0, p);
                p = 0;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    b[p++] = (byte) (0xF0 | codePoint >> 18);
                    b[p++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | codePoint & 0x3F);
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        digest.update(b, 0, p);
    }
}
