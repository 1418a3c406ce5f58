package com.incidenttally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one streaming pass over a file's bytes tells before it is parsed: a byte order mark, the
 * delimiter of the header line, whether every byte is valid UTF-8, and whether the file ends
 * inside a quoted field (and where that record and that quote began).
 *
 * <p>The quote tracking works on bytes, which is safe for both UTF-8 and windows-1251: quotes,
 * delimiters and line breaks are ASCII in both, and UTF-8 multi-byte sequences never contain
 * ASCII bytes. It follows FastCSV's strict parser: a quote only opens a quoted field at the start
 * of a field, and within such a field every quote toggles (a doubled quote toggles twice).
 */
record FileScan(Encoding encoding, char delimiter, Unclosed unclosed) {

    enum Encoding { UTF_8, UTF_8_BOM, UTF_8_BOM_INVALID, NOT_UTF_8, UTF_16 }

    /**
     * A record whose quoted field is never closed.
     *
     * @param offset     the byte offset the record starts at
     * @param recordLine the line the record starts on
     * @param quoteLine  the line its unclosed quoted field opens on
     */
    record Unclosed(long offset, long recordLine, long quoteLine) {
    }

    private static final int CHUNK = 1 << 16;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int IN_QUOTES = 2;
    private static final int AFTER_QUOTES = 3;

    static FileScan of(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = new byte[CHUNK];
            int length = in.readNBytes(bytes, 0, CHUNK);
            boolean bom = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
            if (!bom && length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                    || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
                return new FileScan(Encoding.UTF_16, ',', null);
            }
            int start = bom ? 3 : 0;
            char delimiter = delimiterOf(bytes, start, length);
            Pass pass = new Pass((byte) delimiter);
            long base = 0;
            int from = start;
            while (length > 0) {
                boolean end = length < CHUNK;
                pass.scan(bytes, from, length, base);
                pass.decode(bytes, from, length, end);
                base += length;
                from = 0;
                length = end ? 0 : in.readNBytes(bytes, 0, CHUNK);
            }
            pass.decode(bytes, 0, 0, true);
            Encoding encoding = bom
                    ? (pass.validUtf8 ? Encoding.UTF_8_BOM : Encoding.UTF_8_BOM_INVALID)
                    : (pass.validUtf8 ? Encoding.UTF_8 : Encoding.NOT_UTF_8);
            return new FileScan(encoding, delimiter, pass.unclosed());
        }
    }

    /** The most frequent of comma, semicolon and tab outside quotes on the first non-blank line; comma if none. */
    static char delimiterOf(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == ' ')) {
            i++;
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == '\n' || b == '\r') {
                    break;
                } else if (b == ',') {
                    commas++;
                } else if (b == ';') {
                    semicolons++;
                } else if (b == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }

    private static final class Pass {

        private final byte delimiter;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate(CHUNK + 16);
        private final CharBuffer chars = CharBuffer.allocate(CHUNK);
        private boolean validUtf8 = true;

        private int state = FIELD_START;
        private long line = 1;
        private boolean afterCr;
        private boolean recordStart = true;
        private long recordOffset;
        private long recordLine;
        private long quoteLine;

        Pass(byte delimiter) {
            this.delimiter = delimiter;
        }

        void scan(byte[] bytes, int from, int to, long base) {
            int state = this.state;
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    if (b == '\r' || !afterCr) {
                        line++;
                    }
                    afterCr = b == '\r';
                    if (state != IN_QUOTES) {
                        state = FIELD_START;
                        recordStart = true;
                    }
                    continue;
                }
                afterCr = false;
                if (recordStart) {
                    recordStart = false;
                    recordOffset = base + i;
                    recordLine = line;
                }
                switch (state) {
                    case FIELD_START -> {
                        if (b == '"') {
                            state = IN_QUOTES;
                            quoteLine = line;
                        } else if (b != delimiter) {
                            state = UNQUOTED;
                        }
                    }
                    case UNQUOTED -> {
                        if (b == delimiter) {
                            state = FIELD_START;
                        }
                    }
                    case IN_QUOTES -> {
                        if (b == '"') {
                            state = AFTER_QUOTES;
                        }
                    }
                    default -> {
                        if (b == '"') {
                            state = IN_QUOTES;
                        } else if (b == delimiter) {
                            state = FIELD_START;
                        }
                    }
                }
            }
            this.state = state;
        }

        void decode(byte[] bytes, int from, int to, boolean end) {
            if (!validUtf8) {
                return;
            }
            pending.put(bytes, from, to - from);
            pending.flip();
            while (true) {
                chars.clear();
                CoderResult result = decoder.decode(pending, chars, end);
                if (result.isError()) {
                    validUtf8 = false;
                    return;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            pending.compact();
        }

        Unclosed unclosed() {
            return state == IN_QUOTES ? new Unclosed(recordOffset, recordLine, quoteLine) : null;
        }
    }
}
