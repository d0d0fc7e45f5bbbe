package com.sladesk.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an oversized request body with 413 before anything reads it: by its Content-Length, or, sent in
 * chunks, once more than the limit has arrived. Deployments (Camunda Modeler's uploads) have a limit of their
 * own; every other body (JSON commands, webhook events, form posts) the general one.
 */
class BodyLimits extends OncePerRequestFilter {

    private static final String DEPLOYMENT = "/engine-rest/deployment/create";
    /** A candidate SlaTargets table uploaded for a what-if simulation is as large as a deployment may be. */
    static final String SIMULATION = "/api/simulations";

    private final DataSize body;
    private final DataSize deployment;

    BodyLimits(DataSize body, DataSize deployment) {
        this.body = body;
        this.deployment = deployment;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        long limit = (uri.equals(DEPLOYMENT) || uri.equals(SIMULATION) ? deployment : body).toBytes();
        long length = request.getContentLengthLong();
        if (length > limit) {
            tooLarge(response, limit);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] read = request.getInputStream().readNBytes((int) limit + 1);
            if (read.length > limit) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new ReadBody(request, read), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        // the client may still be sending; Tomcat closes the connection instead of reading it all
        response.setHeader("Connection", "close");
        Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body exceeds the limit of " + DataSize.ofBytes(limit).toKilobytes() + " KB");
    }

    /** A chunked request whose body, within the limit, was read ahead. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read ahead: no asynchronous reading");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), getCharacterEncoding() == null
                    ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
