package com.incidenttally.normalize;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.ingest.Column;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.places.District;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.places.PlaceMatch;
import com.incidenttally.places.Region;
import com.incidenttally.sources.Source;
import com.incidenttally.sources.SourceNames;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a raw row into an {@link Incident} or a {@link Rejection} that says which column, which
 * value and why. Plain Java: no framework, no state besides its collaborators, safe to share.
 */
public final class IncidentNormalizer {

    private final Gazetteer gazetteer;
    private final NightCalendar calendar;
    private final Clock clock;
    private final RegionZones zones;
    private final SourceNames sourceNames;
    private final EventWords eventWords;
    /**
     * Grouping keys of the few distinct districts, made once each: of a resolved district by its
     * name, of an unresolved one by its text (no key text is built to look one up).
     */
    private final Map<String, DistrictKey> resolvedKeys = new ConcurrentHashMap<>();
    private final Map<String, DistrictKey> unresolvedKeys = new ConcurrentHashMap<>();
    /** The few distinct sources as written, each resolved once. */
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    public IncidentNormalizer(Gazetteer gazetteer, NightCalendar calendar, Clock clock) {
        this(gazetteer, calendar, clock, RegionZones.DEFAULT, SourceNames.NONE);
    }

    /**
     * @param zones       the local time of regions whose zone the run chose ({@code --zone})
     * @param sourceNames the sources declared one in the aliases file
     */
    public IncidentNormalizer(Gazetteer gazetteer, NightCalendar calendar, Clock clock, RegionZones zones,
                              SourceNames sourceNames) {
        this(gazetteer, calendar, clock, zones, sourceNames, EventWords.NONE);
    }

    /** @param eventWords the event words, a team's own from the aliases file among them */
    public IncidentNormalizer(Gazetteer gazetteer, NightCalendar calendar, Clock clock, RegionZones zones,
                              SourceNames sourceNames, EventWords eventWords) {
        this.eventWords = eventWords;
        this.gazetteer = gazetteer;
        this.calendar = calendar;
        this.clock = clock;
        this.zones = zones;
        this.sourceNames = sourceNames;
    }

    public Normalized normalize(RawRow input) {
        RawRow row = ControlCharacters.strip(input);
        if (row.malformed() != null) {
            // Its cells may have slipped into their neighbours' columns: no night or source is read from them.
            return reject(row, "(row)", null, row.malformed(), null, null);
        }
        try {
            return Normalized.accepted(incident(row));
        } catch (RowRejected e) {
            return reject(row, e.column.header(), row.get(e.column), e.reason, readableNight(row, e.column),
                    readableSource(row));
        }
    }

    private Incident incident(RawRow row) {
        // Cut before it is resolved, as a district is: a name is never that long, and what is stored fits.
        String regionText = FreeText.cut(required(row, Column.REGION), 1000);
        String eventText = required(row, Column.EVENT_TYPE);
        String source = required(row, Column.SOURCE);
        String occurredText = text(row, Column.OCCURRED_AT);
        String nightText = text(row, Column.NIGHT);
        if (occurredText == null && nightText == null) {
            throw new RowRejected(row.values()[Column.OCCURRED_AT.ordinal()] != null ? Column.OCCURRED_AT : Column.NIGHT,
                    Reason.of(RejectionKind.MISSING_DATE));
        }

        PlaceMatch<Region> regionMatch = gazetteer.resolveRegion(regionText);
        if (!regionMatch.resolved()) {
            throw new RowRejected(Column.REGION, regionMatch.note() != null
                    ? Reason.of(RejectionKind.UNKNOWN_REGION_NOTED, regionMatch.note())
                    : Reason.of(RejectionKind.UNKNOWN_REGION));
        }
        Region region = regionMatch.place();
        EventType eventType = eventWords.parse(eventText).orElseThrow(() -> {
            List<EventType> named = eventWords.named(eventText);
            return new RowRejected(Column.EVENT_TYPE, named.size() > 1
                    ? Reason.of(RejectionKind.SEVERAL_EVENT_TYPES, String.join(", ", named.stream().map(EventType::code).toList()))
                    : Reason.of(RejectionKind.UNKNOWN_EVENT_TYPE));
        });

        When when = when(occurredText, nightText, region);
        Integer uavCount = count(() -> Counts.uavCount(row.get(Column.UAV_COUNT)), Column.UAV_COUNT);
        Integer killed = count(() -> Counts.casualties(row.get(Column.KILLED)), Column.KILLED);
        Integer injured = count(() -> Counts.casualties(row.get(Column.INJURED)), Column.INJURED);

        String districtText = FreeText.cut(text(row, Column.DISTRICT), 1000);
        String location = FreeText.clean(row.get(Column.LOCATION));
        if (region.isSea() && districtText != null) {
            // A sea area has no districts: what the district column says is where at sea, kept as location.
            location = location == null ? districtText : districtText + "; " + location;
            districtText = null;
        }
        if (districtText != null && gazetteer.namesWholeRegion(region, districtText)) {
            // "Смоленской областью" beside Smolensk Oblast says the region again: the report is of the region as
            // a whole, as one with the district left blank, and merges with such reports.
            districtText = null;
        }
        String district = null;
        DistrictKey districtKey = DistrictKey.REGION;
        String districtInput = null;
        MatchMethod districtMethod = null;
        double districtScore = 1.0;
        if (districtText != null) {
            PlaceMatch<District> match = gazetteer.resolveDistrict(region, districtText);
            if (match.resolved()) {
                district = match.place().name();
                districtKey = resolvedKeys.computeIfAbsent(district, DistrictKey::resolved);
            } else {
                district = districtText;
                districtKey = unresolvedKeys.computeIfAbsent(districtText, DistrictKey::unresolved);
            }
            if (match.method() != MatchMethod.EXACT) {
                districtInput = districtText;
                districtMethod = match.method();
                districtScore = match.score();
            }
        }
        boolean regionExact = regionMatch.method() == MatchMethod.EXACT;
        Source reporter = sources.computeIfAbsent(FreeText.cut(source, 1000), sourceNames::of);

        return new Incident(
                row.file(), row.line(),
                FreeText.clean(row.get(Column.INCIDENT_ID)),
                when.night, when.inferred, when.localTime,
                when.localTime == null ? null : calendar.isNightTime(when.localTime.toLocalTime()),
                region.isoCode(),
                regionExact ? null : regionText,
                regionExact ? null : regionMatch.method(),
                regionMatch.score(),
                district, districtKey, districtInput, districtMethod, districtScore,
                location,
                eventType, uavCount, killed, injured,
                FreeText.clean(row.get(Column.DAMAGE)),
                FreeText.clean(row.get(Column.MEASURES)),
                FreeText.cut(reporter.name(), 1000),
                FreeText.cut(reporter.key(), 1000),
                FreeText.clean(row.get(Column.SOURCE_URL)),
                FreeText.clean(row.get(Column.NOTES)),
                contentHash(row, when, uavCount, killed, injured));
    }

    private record When(LocalDate night, boolean inferred, LocalDateTime localTime) {
    }

    /** The first night the job reports: older dates are typos (1980 for 2025, year 0001), not history. */
    public static final LocalDate EARLIEST_NIGHT = LocalDate.of(2000, 1, 1);

    /**
     * The version of the rules rows are read by: this class's, the event words and counts, and the gazetteer's names
     * and how they resolve. Stored rows were read by the rules of the version that stored them; when these differ,
     * the next run reads every input file again (as when the night window changes), so that no report mixes rows
     * read by two versions' rules. {@code RulesVersionTests} holds a digest of the rules' sources and data, and
     * fails when they change and this does not.
     */
    public static final String RULES = "2026-12-08.4";

    private When when(String occurredText, String nightText, Region region) {
        When when = parsedWhen(occurredText, nightText, zones.zoneOf(region));
        if (when.night.isBefore(EARLIEST_NIGHT)) {
            throw new RowRejected(occurredText != null ? Column.OCCURRED_AT : Column.NIGHT,
                    Reason.of(RejectionKind.DATE_TOO_EARLY, EARLIEST_NIGHT));
        }
        return when;
    }

    private When parsedWhen(String occurredText, String nightText, ZoneId zone) {
        LocalDate labelled = null;
        if (nightText != null) {
            try {
                labelled = NightCalendar.parseLabel(nightText);
            } catch (IllegalArgumentException e) {
                throw new RowRejected(Column.NIGHT, Reason.of(RejectionKind.UNPARSEABLE_NIGHT, e.getMessage()));
            }
            if (labelled.isAfter(today(zone))) {
                throw new RowRejected(Column.NIGHT, Reason.of(RejectionKind.NIGHT_IN_FUTURE, today(zone)));
            }
        }
        if (occurredText == null) {
            return new When(labelled, false, null);
        }
        Dates.Moment moment;
        try {
            moment = Dates.parseMoment(occurredText);
        } catch (IllegalArgumentException e) {
            throw new RowRejected(Column.OCCURRED_AT, Reason.of(RejectionKind.UNPARSEABLE_DATE, e.getMessage()));
        }
        if (!moment.hasTime()) {
            if (moment.date().isAfter(today(zone))) {
                throw new RowRejected(Column.OCCURRED_AT, Reason.of(RejectionKind.DATE_IN_FUTURE, today(zone)));
            }
            if (labelled == null) {
                return new When(calendar.nightEndingOn(moment.date()), true, null);
            }
            if (!moment.date().equals(labelled) && !moment.date().equals(labelled.plusDays(1))) {
                throw new RowRejected(Column.OCCURRED_AT, Reason.of(RejectionKind.OUTSIDE_NIGHT, moment.date(),
                        NightCalendar.label(labelled)));
            }
            return new When(labelled, false, null);
        }
        Instant instant;
        LocalDateTime local;
        if (moment.offset() != null) {
            instant = Dates.withOffset(moment).toInstant();
            local = LocalDateTime.ofInstant(instant, zone);
        } else {
            local = moment.localDateTime();
            instant = local.atZone(zone).toInstant();
        }
        if (instant.isAfter(clock.instant())) {
            throw new RowRejected(Column.OCCURRED_AT, Reason.of(RejectionKind.TIME_IN_FUTURE,
                    LocalDateTime.ofInstant(clock.instant(), zone).withNano(0)));
        }
        LocalDate night = calendar.nightOf(local);
        if (labelled != null && !labelled.equals(night)) {
            throw new RowRejected(Column.NIGHT, Reason.of(RejectionKind.NIGHT_DISAGREES, NightCalendar.label(labelled),
                    local, NightCalendar.label(night)));
        }
        return new When(night, false, local);
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static Integer count(CountParser parser, Column column) {
        try {
            return parser.parse();
        } catch (Counts.InvalidCount e) {
            throw new RowRejected(column, e.kind == RejectionKind.COUNT_TOO_LARGE
                    ? Reason.of(e.kind, column.header(), Counts.MAX) : Reason.of(e.kind, column.header()));
        }
    }

    @FunctionalInterface
    private interface CountParser {
        Integer parse();
    }

    private static String required(RawRow row, Column column) {
        String value = text(row, column);
        if (value == null) {
            throw new RowRejected(column, Reason.of(RejectionKind.MISSING_VALUE, column.header()));
        }
        return value;
    }

    private static String text(RawRow row, Column column) {
        String stripped = FreeText.strip(row.get(column));
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /**
     * Equal for exact duplicate rows: the same text in every column, but the date, night and counts as read, so a
     * row copied by a tool that writes them its own way (an xlsx date cell for {@code 07.12.2025 23:40}, pandas'
     * {@code 3.0} for {@code 3}) is the same row.
     */
    private static String contentHash(RawRow row, When when, Integer uavCount, Integer killed, Integer injured) {
        Utf8Digest.Sha256 sha256 = Utf8Digest.sha256();
        MessageDigest digest = sha256.digest();
        digest.reset();
        byte[] buffer = sha256.buffer();
        String[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            String value = switch (COLUMNS[i]) {
                case OCCURRED_AT -> when.night + " " + when.localTime;
                case NIGHT -> null;
                case UAV_COUNT -> uavCount == null ? null : uavCount.toString();
                case KILLED -> killed == null ? null : killed.toString();
                case INJURED -> injured == null ? null : injured.toString();
                default -> values[i] == null ? null : FreeText.strip(values[i]);
            };
            if (value != null) {
                Utf8Digest.update(digest, value, buffer);
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static final Column[] COLUMNS = Column.values();

    private static Normalized reject(RawRow row, String column, String value, Reason reason, LocalDate night,
                                     String source) {
        return Normalized.rejected(new Rejection(row.file(), row.line(), column,
                value == null ? null : FreeText.cut(value, 1000), reason, row.raw(), night, source));
    }

    /** Where a region is unknown, its time is read as the time most regions keep. */
    private static final ZoneId MOST_REGIONS = ZoneId.of("Europe/Moscow");

    /**
     * The night of a row that another cell rejected, read by the same rules as an accepted row's, so
     * that the rejection belongs to a period; null when its date was at fault or does not read (the
     * row is then undated, and shown in every report until it is fixed).
     */
    private LocalDate readableNight(RawRow row, Column fault) {
        if (fault == Column.OCCURRED_AT || fault == Column.NIGHT) {
            return null;
        }
        String occurredText = text(row, Column.OCCURRED_AT);
        String nightText = text(row, Column.NIGHT);
        if (occurredText == null && nightText == null) {
            return null;
        }
        ZoneId zone = MOST_REGIONS;
        String regionText = text(row, Column.REGION);
        if (regionText != null) {
            PlaceMatch<Region> region = gazetteer.resolveRegion(FreeText.cut(regionText, 1000));
            if (region.resolved()) {
                zone = zones.zoneOf(region.place());
            }
        }
        try {
            LocalDate night = parsedWhen(occurredText, nightText, zone).night;
            return night.isBefore(EARLIEST_NIGHT) ? null : night;
        } catch (RowRejected | IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** The source a rejected row names, as an accepted row's is named; null when it names none. */
    private String readableSource(RawRow row) {
        String source = text(row, Column.SOURCE);
        return source == null ? null : FreeText.cut(sources.computeIfAbsent(FreeText.cut(source, 1000),
                sourceNames::of).name(), 1000);
    }

    /** A row-level validation failure; never escapes this class. */
    private static final class RowRejected extends RuntimeException {
        private final Column column;
        private final transient Reason reason;

        RowRejected(Column column, Reason reason) {
            super(reason.kind().code(), null, false, false);
            this.column = column;
            this.reason = reason;
        }
    }

}
