package com.sladesk.report;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The parts report figures are written of in {@code report_month}: groups, optional values, sorted seconds. */
final class FiguresCodec {

    private FiguresCodec() {
    }

    /**
     * A byte array to read figures from. Unlike ByteArrayInputStream it takes no lock per byte, and figures are
     * read byte by byte (a twelve-month report reads about 10 MB of them): with the lock, decoding took a third
     * of a report's first reading.
     */
    static final class Input extends InputStream {
        private final byte[] bytes;
        private int at;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (at >= bytes.length) {
                return -1;
            }
            int read = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, into, offset, read);
            at += read;
            return read;
        }

        @Override
        public int available() {
            return bytes.length - at;
        }
    }

    /** Where figures are written to: a growing byte array without ByteArrayOutputStream's lock per byte. */
    static final class Output extends OutputStream {
        private byte[] bytes = new byte[4096];
        private int size;

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, from.length);
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** How many items follow, each at least a byte: a larger count is a corrupt row, not a call for memory. */
    static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count + " with " + in.available() + " bytes left");
        }
        return count;
    }

    /** A group's values, a missing one included. */
    static void writeGroup(DataOutputStream out, List<String> group) throws IOException {
        out.writeInt(group.size());
        for (String value : group) {
            writeString(out, value);
        }
    }

    static List<String> readGroup(DataInputStream in) throws IOException {
        int size = count(in);
        List<String> group = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            group.add(readString(in));
        }
        return group;
    }

    /** Sorted values as the differences between neighbours, each in as few bytes as it needs (about 2 a value). */
    static void writeSorted(DataOutputStream out, long[] sorted) throws IOException {
        out.writeInt(sorted.length);
        long previous = 0;
        for (long value : sorted) {
            writeSmall(out, value - previous);
            previous = value;
        }
    }

    static long[] readSorted(DataInputStream in) throws IOException {
        long[] values = new long[count(in)];
        long previous = 0;
        for (int i = 0; i < values.length; i++) {
            previous += readSmall(in);
            values[i] = previous;
        }
        return values;
    }

    /** A value in as few bytes as it needs: one below 64 and above -65, two below 8,192, and so on. */
    static void writeSmall(DataOutputStream out, long value) throws IOException {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.writeByte((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.writeByte((int) zigzag);
    }

    static long readSmall(DataInputStream in) throws IOException {
        long zigzag = 0;
        int shift = 0;
        int b;
        do {
            if (shift > 63) {
                throw new IOException("a number longer than 10 bytes");
            }
            b = in.readUnsignedByte();
            zigzag |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }
}
