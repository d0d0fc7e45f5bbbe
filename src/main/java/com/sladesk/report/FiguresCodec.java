package com.sladesk.report;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts report figures are written of in {@code report_month}: groups, optional values, sorted seconds. */
final class FiguresCodec {

    private FiguresCodec() {
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
            long difference = value - previous;
            long zigzag = (difference << 1) ^ (difference >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                out.writeByte((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            out.writeByte((int) zigzag);
            previous = value;
        }
    }

    static long[] readSorted(DataInputStream in) throws IOException {
        long[] values = new long[count(in)];
        long previous = 0;
        for (int i = 0; i < values.length; i++) {
            long zigzag = 0;
            int shift = 0;
            int b;
            do {
                b = in.readUnsignedByte();
                zigzag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            previous += (zigzag >>> 1) ^ -(zigzag & 1);
            values[i] = previous;
        }
        return values;
    }
}
