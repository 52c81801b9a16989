package nl.arbeidsmigratie.kg.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 as lowercase hex, the one way the project writes it: data versions, skolem IRIs, ETags, answer keys,
 * SHA256SUMS and the release's own checks all use these.
 */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Of the UTF-8 bytes of each line in turn, as if they were one text (lines carry their own line ends). */
    public static String hexOfLines(Iterable<String> lines) {
        MessageDigest md = digest();
        for (String l : lines) md.update(l.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** Of the files' contents one after another. */
    public static String hex(List<Path> files) {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String hex(Path file) {
        return hex(List.of(file));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
