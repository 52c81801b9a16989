package nl.arbeidsmigratie.kg.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.http.EtagUtils;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.QuotedCSV;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost handler: what every answer carries and every request is cleaned of, whatever path or error answers it.
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} on every response, and {@code Content-Security-Policy: default-src
 * 'none'; sandbox} on every response that is not one of our HTML pages (those set their own policy, see
 * {@code http.Layout}). A SPARQL result, an RDF/XML document or an error that a browser opens then runs no script and
 * loads nothing, even when it carries a caller's markup (an XML literal in RDF/XML renders as XHTML).</li>
 * <li>An {@code If-None-Match} tag of a gzip variant ({@code "…--gzip"}) is dropped from requests that do not accept
 * gzip: Jetty's GzipHandler strips the suffix from every request, so such a client got a 304 for a representation it
 * was never sent. A range request is answered from the uncompressed bytes ({@link #cleaned}).</li>
 * </ul>
 * The headers are set before the request is handled and again when the response is first written, so that a reset
 * on the way cannot lose them; Jetty's own error answers get them from {@link PlainErrors}.
 */
final class ResponseHeaders extends Handler.Wrapper {
    static final String CSP = "default-src 'none'; sandbox";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Request cleaned = cleaned(request);
        harden(response.getHeaders());
        Response hardened = new Response.Wrapper(cleaned, response) {
            private boolean done;

            @Override
            public void write(boolean last, ByteBuffer content, Callback cb) {
                if (!done) {
                    done = true;
                    if (!isCommitted()) harden(getHeaders());
                }
                super.write(last, content, cb);
            }
        };
        return super.handle(cleaned, hardened, callback);
    }

    /**
     * nosniff always; the strict policy unless the response has a policy already: the strict one put here before the
     * request was handled, or the one our pages put in its place ({@code http.Layout}, the only code that sets one).
     * (The servlet layer may not have written Content-Type into these headers yet, so the type cannot decide.)
     */
    static void harden(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        if (!headers.contains("Content-Security-Policy")) headers.put("Content-Security-Policy", CSP);
    }

    /**
     * The request as the handlers inside should see it. A range request does not offer gzip: a range is counted in the
     * bytes of the file itself (as SHA256SUMS describes it), never in its precompressed copy, which Jetty's resource
     * service would otherwise pick before it reads the range. A request that does not accept gzip (as Jetty decides)
     * loses the {@code If-None-Match} tags of gzip variants.
     */
    static Request cleaned(Request request) {
        HttpFields h = request.getHeaders();
        boolean range = h.contains(HttpHeader.RANGE) && h.contains(HttpHeader.ACCEPT_ENCODING);
        boolean gzip = !range && h.contains(HttpHeader.ACCEPT_ENCODING, "gzip");
        List<String> values = h.getValuesList(HttpHeader.IF_NONE_MATCH);
        boolean foreignTags = !gzip && values.stream().anyMatch(v -> v.contains(EtagUtils.ETAG_SEPARATOR));
        if (!range && !foreignTags) return request;
        HttpFields.Mutable fixed = HttpFields.build(h);
        if (range) fixed.remove(HttpHeader.ACCEPT_ENCODING);
        if (foreignTags) {
            List<String> kept = new ArrayList<>();
            for (String v : values)
                for (String tag : new QuotedCSV(true, v)) if (!tag.contains(EtagUtils.ETAG_SEPARATOR)) kept.add(tag);
            fixed.remove(HttpHeader.IF_NONE_MATCH);
            if (!kept.isEmpty()) fixed.put(HttpHeader.IF_NONE_MATCH, String.join(", ", kept));
        }
        HttpFields headers = fixed.asImmutable();
        return new Request.Wrapper(request) {
            @Override public HttpFields getHeaders() { return headers; }
        };
    }
}
