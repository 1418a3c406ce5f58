package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.AreaKind;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** How a report's listings are written to their files and read back as they were. */
final class ListingCodecs {

    private ListingCodecs() {
    }

    static final ExternalSort.Codec<MergedIncident> INCIDENT = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, MergedIncident i) throws IOException {
            ExternalSort.text(out, i.id());
            ExternalSort.date(out, i.night());
            ExternalSort.time(out, i.localTime());
            out.writeBoolean(i.nightTime());
            out.writeBoolean(i.nightInferred());
            ExternalSort.text(out, i.region());
            ExternalSort.text(out, i.isoCode());
            ExternalSort.text(out, i.district());
            ExternalSort.text(out, i.districtKey().encoded());
            ExternalSort.text(out, i.location());
            ExternalSort.text(out, i.eventType());
            ExternalSort.number(out, i.uavCount());
            ExternalSort.number(out, i.killed());
            ExternalSort.number(out, i.injured());
            ExternalSort.text(out, i.damage());
            ExternalSort.text(out, i.measures());
            ExternalSort.text(out, i.sources());
            out.writeInt(i.sourceKeys().size());
            for (String key : i.sourceKeys()) {
                ExternalSort.text(out, key);
            }
            ExternalSort.text(out, i.sourceUrls());
            ExternalSort.text(out, i.notes());
            ExternalSort.text(out, i.origins());
            out.writeInt(i.reports());
            ExternalSort.text(out, i.kind() == null ? null : i.kind().name());
        }

        @Override
        public MergedIncident read(DataInputStream in) throws IOException {
            String id = ExternalSort.text(in);
            LocalDate night = ExternalSort.date(in);
            java.time.LocalDateTime time = ExternalSort.time(in);
            boolean nightTime = in.readBoolean();
            boolean inferred = in.readBoolean();
            String region = ExternalSort.text(in);
            String iso = ExternalSort.text(in);
            String district = ExternalSort.text(in);
            DistrictKey districtKey = DistrictKey.decode(ExternalSort.text(in));
            String location = ExternalSort.text(in);
            String eventType = ExternalSort.text(in);
            Integer uav = ExternalSort.number(in);
            Integer killed = ExternalSort.number(in);
            Integer injured = ExternalSort.number(in);
            String damage = ExternalSort.text(in);
            String measures = ExternalSort.text(in);
            String sources = ExternalSort.text(in);
            int keys = in.readInt();
            List<String> sourceKeys = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                sourceKeys.add(ExternalSort.text(in));
            }
            String urls = ExternalSort.text(in);
            String notes = ExternalSort.text(in);
            String origins = ExternalSort.text(in);
            int reports = in.readInt();
            String kind = ExternalSort.text(in);
            return new MergedIncident(id, night, time, nightTime, inferred, region, iso, district, districtKey,
                    location, eventType, uav, killed, injured, damage, measures, sources, List.copyOf(sourceKeys), urls,
                    notes, origins, reports, kind == null ? null : AreaKind.valueOf(kind));
        }
    };

    static final ExternalSort.Codec<MergeNote> NOTE = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, MergeNote note) throws IOException {
            ExternalSort.text(out, note.incident());
            ExternalSort.date(out, note.night());
            ExternalSort.text(out, note.region());
            ExternalSort.text(out, note.district());
            ExternalSort.text(out, note.eventType());
            ExternalSort.text(out, note.rule());
            out.writeInt(note.rows());
            ExternalSort.text(out, note.sources());
            ExternalSort.text(out, note.origins());
            ExternalSort.text(out, note.conflicts());
        }

        @Override
        public MergeNote read(DataInputStream in) throws IOException {
            return new MergeNote(ExternalSort.text(in), ExternalSort.date(in), ExternalSort.text(in),
                    ExternalSort.text(in), ExternalSort.text(in), ExternalSort.text(in), in.readInt(),
                    ExternalSort.text(in), ExternalSort.text(in), ExternalSort.text(in));
        }
    };

    static final ExternalSort.Codec<Rejection> REJECTION = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Rejection r) throws IOException {
            ExternalSort.text(out, r.file());
            out.writeLong(r.line());
            ExternalSort.text(out, r.column());
            ExternalSort.text(out, r.value());
            ExternalSort.text(out, r.reason().kind().code());
            out.writeInt(r.reason().params().size());
            for (String param : r.reason().params()) {
                ExternalSort.text(out, param);
            }
            ExternalSort.text(out, r.raw());
            ExternalSort.date(out, r.night());
            ExternalSort.text(out, r.source());
        }

        @Override
        public Rejection read(DataInputStream in) throws IOException {
            String file = ExternalSort.text(in);
            long line = in.readLong();
            String column = ExternalSort.text(in);
            String value = ExternalSort.text(in);
            RejectionKind kind = RejectionKind.ofCode(ExternalSort.text(in));
            int count = in.readInt();
            List<String> params = new ArrayList<>(count);
            for (int p = 0; p < count; p++) {
                params.add(ExternalSort.text(in));
            }
            return new Rejection(file, line, column, value, new Reason(kind, params), ExternalSort.text(in),
                    ExternalSort.date(in), ExternalSort.text(in));
        }
    };
}
