package com.sladesk.report;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.sladesk.request.DeskClock;

/**
 * A report's period cut at the first of each month (in the report zone), and what each month came to, kept while
 * that month's rows of {@code request_report} stay the same. A month's stamp is its row count, the sum of its
 * request ids and the sum of its rows' revisions (each rewrite of a row adds one; ReportRows): any row written,
 * rewritten or removed changes it. The stamp is read before the figures, so a row committed in between only
 * makes the next report read the month again. Figures are kept encoded (about 2 bytes a business second, a
 * twelfth of the values themselves) in each node's memory; whole months also in {@code report_month} with their
 * stamp, so another node, or this one after a restart, reads them instead of computing them. Whichever node
 * writes a month last wins: a row whose stamp is not the month's is not used.
 */
public final class ReportSegments {

    /** What a month came to, and whether it may be kept (not if it depends on the current instant). */
    public record Figures<T>(T value, boolean keep) {
    }

    /** How a kind's figures are encoded, in memory and in {@code report_month}. */
    interface Codec<T> {
        void write(T value, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private record Stamp(long rows, long ids, long revisions) {
    }

    private record Key(String kind, String version, Instant from, Instant to, List<Dimension> groupBy,
            Map<Dimension, String> filters) {

        static Key of(String kind, String version, ReportScope month) {
            return new Key(kind, version, month.from(), month.to(), month.groupBy(), month.filters());
        }
    }

    private record Kept(Stamp stamp, byte[] figures) {
    }

    /** What a node keeps in memory by default: about 100 months of 85,000 requests each, by one grouping. */
    public static final long MAX_BYTES = 32L << 20;

    private static final Logger log = LoggerFactory.getLogger(ReportSegments.class);
    /** Part of every stored key: a change of any codec's format changes it, so old rows are not read. */
    private static final String FORMAT = "2";
    /** Larger figures stay in memory only (MySQL's max_allowed_packet is 16 MB by default). */
    private static final int MAX_STORED_BYTES = 8 << 20;
    private static final List<Dimension> CELLS = List.of(Dimension.values());
    /** A stored month's row, if it has the stamp. */
    private static final String STAMPED = " from report_month where segment_key = :key and stamp_rows = :rows"
            + " and stamp_ids = :ids and stamp_revisions = :revisions";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final long maxBytes;
    private final Map<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    /** Months prepared ahead whose figures could not be kept, with the stamp they had: not worked out again. */
    private final Map<Key, Stamp> notKept = new HashMap<>();
    private long bytes;

    /** {@code maxBytes}: how much to keep in memory, encoded. */
    public ReportSegments(NamedParameterJdbcTemplate jdbc, ZoneId zone, long maxBytes) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.maxBytes = maxBytes;
    }

    /** The scope's period cut at the first of each month in the report zone, in order. */
    List<ReportScope> months(ReportScope scope) {
        List<ReportScope> months = new ArrayList<>();
        Instant from = scope.from();
        while (from.isBefore(scope.to())) {
            Instant next = LocalDate.ofInstant(from, zone).withDayOfMonth(1).plusMonths(1).atStartOfDay(zone)
                    .toInstant();
            Instant to = next.isBefore(scope.to()) ? next : scope.to();
            months.add(new ReportScope(from, to, scope.groupBy(), scope.filters()));
            from = to;
        }
        return months;
    }

    /** How a kind's figures are worked out of the month's cells (the same month grouped by every dimension). */
    record FromCells<C, T>(String kind, Codec<C> codec, Function<C, T> figures) {
    }

    /**
     * The month's figures of this kind: kept ones (in memory, else in the database) if its rows did not change
     * since, else computed. {@code version}: what else the figures depend on (the business calendars).
     */
    <T> T of(String kind, String version, ReportScope month, Codec<T> codec, Supplier<Figures<T>> compute) {
        return of(kind, version, month, codec, compute, null);
    }

    /**
     * As {@link #of(String, String, ReportScope, Codec, Supplier)}; figures that are not kept are worked out of
     * the month's cells where those are kept with the month's stamp (an unfiltered whole month that has ended,
     * prepared ahead), else computed.
     */
    <C, T> T of(String kind, String version, ReportScope month, Codec<T> codec, Supplier<Figures<T>> compute,
            FromCells<C, T> cells) {
        Key key = Key.of(kind, version, month);
        Stamp stamp = stamp(month);
        String stored = stored(month, stamp) ? storedKey(key) : null;
        T value = kept(key, stamp, stored, codec);
        if (value != null) {
            return value;
        }
        Key cellsKey = cells == null || stored == null ? null : Key.of(cells.kind(), version, cells(month));
        C keptCells = cellsKey == null ? null : kept(cellsKey, stamp, storedKey(cellsKey), cells.codec());
        if (keptCells != null) {
            try {
                T figures = cells.figures().apply(keptCells);
                // kept in this node's memory only: another node works them out of the same cells
                return computed(key, stamp, null, codec, () -> new Figures<>(figures, true)).value();
            } catch (RuntimeException e) {
                log.warn("Could not add up the kept cells of {}; computing the month", month.from(), e);
            }
        }
        return computed(key, stamp, stored, codec, compute).value();
    }

    /**
     * Works the month's figures out unless they are kept with the month's stamp (in this node's memory or in
     * {@code report_month}) or the month has no requests, without reading kept ones: what the node does ahead of
     * reports (PreparedMonths). Whether it worked them out.
     */
    <T> boolean prepare(String kind, String version, ReportScope month, Codec<T> codec, Supplier<Figures<T>> compute) {
        Key key = Key.of(kind, version, month);
        Stamp stamp = stamp(month);
        synchronized (this) {
            if (stamp.rows() == 0 || stamp.equals(notKept.get(key)) || keptInMemory(key, stamp) != null) {
                return false;
            }
        }
        String stored = stored(month, stamp) ? storedKey(key) : null;
        if (stored != null && isStored(stored, stamp)) {
            return false;
        }
        if (!computed(key, stamp, stored, codec, compute).keep()) {
            // e.g. a breached clock still running: worked out again once a row of the month changes
            synchronized (this) {
                notKept.put(key, stamp);
            }
        }
        return true;
    }

    /** The figures kept with the stamp, in this node's memory or else in the database; null if neither. */
    private <T> T kept(Key key, Stamp stamp, String stored, Codec<T> codec) {
        Kept hit = keptInMemory(key, stamp);
        if (hit != null) {
            T value = decode(hit.figures(), codec);
            if (value != null) {
                return value;
            }
        }
        if (stored != null) {
            byte[] read = read(stored, stamp);
            T value = read == null ? null : decode(read, codec);
            if (value != null) {
                keep(key, new Kept(stamp, read));
                return value;
            }
        }
        return null;
    }

    private synchronized Kept keptInMemory(Key key, Stamp stamp) {
        Kept hit = kept.get(key);
        return hit != null && hit.stamp().equals(stamp) ? hit : null;
    }

    private <T> Figures<T> computed(Key key, Stamp stamp, String stored, Codec<T> codec,
            Supplier<Figures<T>> compute) {
        Figures<T> figures = compute.get();
        if (figures.keep()) {
            byte[] encoded = encode(figures.value(), codec);
            keep(key, new Kept(stamp, encoded));
            if (stored != null && encoded.length <= MAX_STORED_BYTES) {
                write(stored, key, stamp, encoded);
            }
        }
        return figures;
    }

    /** Whether the period is a whole month (in the report zone) that has ended. */
    private boolean wholeMonthEnded(ReportScope month) {
        LocalDate first = LocalDate.ofInstant(month.from(), zone);
        return !month.to().isAfter(DeskClock.now()) && first.getDayOfMonth() == 1
                && first.atStartOfDay(zone).toInstant().equals(month.from())
                && first.plusMonths(1).atStartOfDay(zone).toInstant().equals(month.to());
    }

    /** The month's requests grouped by every dimension at once, unfiltered: any grouping adds these up. */
    static ReportScope cells(ReportScope month) {
        return new ReportScope(month.from(), month.to(), CELLS, Map.of());
    }

    /** The month (from the first, in the report zone) that ended last before the instant, and those before it. */
    List<ReportScope> endedMonths(Instant now, int count) {
        List<ReportScope> months = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(now, zone).withDayOfMonth(1);
        for (int i = 0; i < count; i++) {
            LocalDate start = first.minusMonths(i + 1L);
            months.add(new ReportScope(start.atStartOfDay(zone).toInstant(),
                    start.plusMonths(1).atStartOfDay(zone).toInstant(), List.of(), Map.of()));
        }
        return months;
    }

    static <T> byte[] encode(T value, Codec<T> codec) {
        try {
            FiguresCodec.Output bytes = new FiguresCodec.Output();
            DataOutputStream out = new DataOutputStream(bytes);
            codec.write(value, out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode report figures", e);
        }
    }

    /** The figures, or null where they cannot be read (a row written by a node with another codec). */
    static <T> T decode(byte[] figures, Codec<T> codec) {
        try {
            DataInputStream in = new DataInputStream(new FiguresCodec.Input(figures));
            T value = codec.read(in);
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes left over");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read kept report figures; computing them", e);
            return null;
        }
    }

    /**
     * Whether the month goes to the database: a whole month that has ended and has rows, without filters (any
     * value could be one). The month in progress changes with every request; each node keeps it in memory only.
     */
    private boolean stored(ReportScope month, Stamp stamp) {
        return stamp.rows() > 0 && month.filters().isEmpty() && wholeMonthEnded(month);
    }

    /** SHA-256 of the key with the format, each part length-prefixed. */
    private static String storedKey(Key key) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(FORMAT);
            out.writeUTF(key.kind());
            out.writeUTF(key.version());
            out.writeUTF(key.from().toString());
            out.writeUTF(key.to().toString());
            out.writeInt(key.groupBy().size());
            for (Dimension dimension : key.groupBy()) {
                out.writeUTF(dimension.name());
            }
            Map<Dimension, String> filters = new TreeMap<>(key.filters());
            out.writeInt(filters.size());
            for (Map.Entry<Dimension, String> filter : filters.entrySet()) {
                out.writeUTF(filter.getKey().name());
                out.writeUTF(filter.getValue());
            }
            out.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] read(String stored, Stamp stamp) {
        try {
            List<byte[]> found = jdbc.query("select figures" + STAMPED, stamped(stored, stamp),
                    (rs, row) -> rs.getBytes(1));
            return found.isEmpty() ? null : found.get(0);
        } catch (DataAccessException e) {
            log.warn("Could not read kept report figures {}; computing them", stored, e);
            return null;
        }
    }

    private static MapSqlParameterSource stamped(String stored, Stamp stamp) {
        return new MapSqlParameterSource("key", stored).addValue("rows", stamp.rows()).addValue("ids", stamp.ids())
                .addValue("revisions", stamp.revisions());
    }

    private boolean isStored(String stored, Stamp stamp) {
        try {
            return jdbc.queryForObject("select count(*)" + STAMPED, stamped(stored, stamp), Long.class) > 0;
        } catch (DataAccessException e) {
            log.warn("Could not look for kept report figures {}; computing them", stored, e);
            return false;
        }
    }

    private void write(String stored, Key key, Stamp stamp, byte[] figures) {
        MapSqlParameterSource row = new MapSqlParameterSource("key", stored).addValue("kind", key.kind())
                .addValue("from", Utc.of(key.from())).addValue("to", Utc.of(key.to()))
                .addValue("rows", stamp.rows()).addValue("ids", stamp.ids())
                .addValue("revisions", stamp.revisions()).addValue("figures", figures)
                .addValue("now", Utc.of(Instant.now()));
        // the figures (up to megabytes) go to the server once: as an update where the month has a row
        try {
            boolean there = jdbc.queryForObject("select count(*) from report_month where segment_key = :key", row,
                    Long.class) > 0;
            if (!there) {
                try {
                    jdbc.update("insert into report_month (segment_key, kind, month_from, month_to, stamp_rows,"
                            + " stamp_ids, stamp_revisions, figures, written_at) values (:key, :kind, :from, :to, :rows,"
                            + " :ids, :revisions, :figures, :now)", row);
                    return;
                } catch (DuplicateKeyException e) {
                    // another node wrote the month at the same time
                }
            }
            // a month's rows and revisions only grow: a node that computed it earlier does not replace a later row
            jdbc.update("update report_month set stamp_rows = :rows, stamp_ids = :ids, stamp_revisions = :revisions,"
                    + " figures = :figures, written_at = :now where segment_key = :key and stamp_rows <= :rows"
                    + " and stamp_revisions <= :revisions", row);
        } catch (DataAccessException e) {
            log.warn("Could not keep report figures {} in the database", stored, e);
        }
    }

    private synchronized void keep(Key key, Kept figures) {
        if (figures.figures().length > maxBytes) {
            return;
        }
        Kept before = kept.put(key, figures);
        bytes += figures.figures().length - (before == null ? 0 : before.figures().length);
        Iterator<Kept> eldest = kept.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Kept dropped = eldest.next();
            if (dropped != figures) {
                bytes -= dropped.figures().length;
                eldest.remove();
            }
        }
    }

    /** Reads the index on (received_at, revision, request_id) only. */
    private Stamp stamp(ReportScope month) {
        return jdbc.queryForObject("select count(*), coalesce(sum(request_id), 0), coalesce(sum(revision), 0)"
                + " from request_report where received_at >= :from and received_at < :to",
                new MapSqlParameterSource("from", Utc.of(month.from())).addValue("to", Utc.of(month.to())),
                (rs, row) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
