package com.sladesk.system;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletResponse;

/** An application/problem+json answer written by a servlet filter, before any controller runs. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ObjectNode problem = JSON.createObjectNode().put("type", "about:blank").put("title", title)
                .put("status", status.value()).put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            JSON.writeValue(response.getOutputStream(), problem);
        } catch (IllegalStateException writerInUse) {
            // a page had begun writing text before it failed
            response.getWriter().write(JSON.writeValueAsString(problem));
        }
    }
}
