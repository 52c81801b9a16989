package nl.arbeidsmigratie.kg.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.junit.jupiter.api.Test;

/** How a Range header is read against a file of 1,000 bytes before Jetty sees it. */
class ByteRangesTest {
    private static String read(String header) {
        ByteRanges r = ByteRanges.parse(header, 1_000);
        return r.outcome() == ByteRanges.Outcome.PARTIAL ? r.header() : r.outcome().name();
    }

    @Test
    void overlappingAndAdjacentRangesAreMergedInAscendingOrder() {
        assertEquals("bytes=0-999", read("bytes=0-0,0-1,0-2,0-"));
        assertEquals("bytes=0-20", read("bytes=0-10,5-20"));
        assertEquals("bytes=0-199", read("bytes=100-199,0-99"));
        assertEquals("bytes=0-0,2-3", read("bytes=2-3, 0-0,,"));
        assertEquals("bytes=995-999", read("bytes=-5"));
        assertEquals("bytes=0-999", read("bytes=-5000"));
        assertEquals("bytes=10-999", read("bytes=10-5000"));
        assertEquals("bytes=0-0", read("bytes=" + String.join(",", Collections.nCopies(10_000, "0-0"))));
    }

    @Test
    void moreThanSixteenRangesAfterMergingMeanTheWholeFile() {
        StringBuilder b = new StringBuilder("bytes=0-0");
        for (int i = 1; i < 17; i++) b.append(',').append(i * 2).append('-').append(i * 2);
        assertEquals("WHOLE", read(b.toString()));
        assertEquals("bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18,20-20,22-22,24-24,26-26,28-28,30-30",
                read(b.substring(0, b.lastIndexOf(","))));
    }

    @Test
    void whatIsNotAByteRangeWithinTheFileIsUnsatisfiable() {
        for (String bad : new String[] {"bytes=1000-", "bytes=9-2", "lines=1-2", "bytes=-", "bytes=abc", "bytes=0-99999999999999999999",
                "bytes=99999999999999999999-", "bytes=-0", "bytes=", "bytes=1-2-3", "bytes=0x1-2"})
            assertEquals("UNSATISFIABLE", read(bad), bad);
    }
}
