package nl.arbeidsmigratie.kg.query;

import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/**
 * The built jar, made before 2027, answers for the day of each request: with its clock at 2 January 2027
 * ({@code -Dkg.today}, passed on to the server's own JVM) the law page and the recommendation status say the Wtta is
 * in force, marked as scheduled with its sources; at 31 December 2026 they do not. Nothing of the answer is frozen at
 * build.
 */
class ScheduledEventsIT {
    private static final String IN_FORCE = "https://w3id.org/arbeidsmigratie/id/status/in-werking";

    private static String law(JarServer s) throws Exception {
        return get(s.base() + "/api/queries/law?format=csv&lang=nl").body();
    }

    private static String recommendations(JarServer s) throws Exception {
        return get(s.base() + "/api/queries/recommendation-status?format=csv&lang=nl").body();
    }

    @Test
    void onTheSecondOfJanuary2027TheWttaIsInForceAsScheduled() throws Exception {
        try (JarServer s = JarServer.startWithJvm(List.of("-Dkg.today=2027-01-02"))) {
            String status = law(s).lines().filter(l -> l.startsWith("status,")).findFirst().orElseThrow();
            assertTrue(status.contains(IN_FORCE) && status.contains("2027-01-01") && status.contains("Zipconomy"), status);
            String row = recommendations(s).lines()
                    .filter(l -> l.startsWith("https://w3id.org/arbeidsmigratie/id/aanbeveling/roemer-werk-certificering,")).findFirst().orElseThrow();
            assertTrue(row.contains(IN_FORCE) && row.contains("Zipconomy"), row);
            String page = get(s.base() + "/q/law?lang=nl", "Accept", "text/html").body();
            assertTrue(page.contains("Gepland volgens"), "the page marks it");
        }
    }

    @Test
    void onNewYearsEve2026ItIsNot() throws Exception {
        try (JarServer s = JarServer.startWithJvm(List.of("-Dkg.today=2026-12-31"))) {
            String status = law(s).lines().filter(l -> l.startsWith("status,")).findFirst().orElseThrow();
            assertFalse(status.contains(IN_FORCE), status);
            assertFalse(recommendations(s).contains("(Zipconomy)"), "nothing scheduled has come: no row names its scheduling sources");
        }
    }
}
