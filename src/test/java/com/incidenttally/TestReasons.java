package com.incidenttally;

import com.incidenttally.incident.Reason;
import com.incidenttally.report.ReportTexts;

/** A rejection's reason as the English report says it, for tests that read the words. */
public final class TestReasons {

    private static final ReportTexts ENGLISH = ReportTexts.english();

    private TestReasons() {
    }

    public static String english(Reason reason) {
        return reason == null ? null : ENGLISH.reason(reason);
    }
}
