package com.sladesk.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sladesk.request.InvalidRequestException;

/** What a report may be grouped or filtered by: a column of the request row. */
public enum Dimension {
    CHANNEL("r.channel"), CATEGORY("r.category"), TEAM("r.team"), TIER("r.customer_tier"),
    PRIORITY("r.priority"), AGENT("r.responder");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A group's values by dimension label ({"team": "tech-support"}), in grouping order. */
    static Map<String, String> named(List<Dimension> dimensions, List<String> values) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            named.put(dimensions.get(i).label(), values.get(i));
        }
        return named;
    }

    /** Parses "team" or "TEAM"; a 400 naming the parameter otherwise. */
    static Dimension parse(String parameter, String value) {
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new InvalidRequestException(parameter, "unknown dimension '" + value
                        + "', expected one of channel, category, team, tier, priority, agent"));
    }
}
