package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The byte filter under the XML writers: what XML cannot carry becomes U+FFFD, raw or as a reference, in any chunking. */
class XmlSafeTest {
    static String filter(String in, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlSafe.Bytes b = new XmlSafe.Bytes(out);
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) b.write(bytes, i, Math.min(chunk, bytes.length - i));
        b.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void illegalCharactersAreReplacedWhateverTheChunking() throws Exception {
        String in = "<a>x\u0000y\u0001z&#x0000;&#1;&#x9;\t\n&amp;&#x41;&#65;\uFFFE\uFFFF\uFFFD\u00e9\uD83D\uDE00&&#x1F;&#xZ;&</a>";
        String expected = "<a>x\uFFFDy\uFFFDz\uFFFD\uFFFD&#x9;\t\n&amp;&#x41;&#65;\uFFFD\uFFFD\uFFFD\u00e9\uD83D\uDE00&\uFFFD&#xZ;&</a>";
        for (int chunk : new int[] {1, 2, 3, 5, 7, 1000}) assertEquals(expected, filter(in, chunk), "chunks of " + chunk);
    }
}
