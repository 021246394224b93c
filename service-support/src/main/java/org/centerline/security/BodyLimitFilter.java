package org.centerline.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code centerline.http.max-body-bytes} with a {@code 413}
 * problem before anything reads them. A chunked body without a length is cut off at the limit
 * and then fails to parse ({@code 400}).
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            SecurityProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is " + length + " bytes; this service accepts at most " + maxBytes + ".", request);
            return;
        }
        chain.doFilter(length < 0 ? new LimitedBodyRequest(request, maxBytes) : request, response);
    }
}
