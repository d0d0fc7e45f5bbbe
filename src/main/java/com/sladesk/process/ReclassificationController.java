package com.sladesk.process;

import java.security.Principal;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import com.sladesk.request.RequestReader;
import com.sladesk.request.RequestView;
import com.sladesk.sla.Reclassify;

/** PATCH /api/requests/{key}: agents and leads reclassify a request. */
@RestController
class ReclassificationController {

    private final Reclassifying reclassifying;
    private final RequestReader reader;

    ReclassificationController(Reclassifying reclassifying, RequestReader reader) {
        this.reclassifying = reclassifying;
        this.reader = reader;
    }

    @PatchMapping("/api/requests/{key}")
    RequestView reclassify(@PathVariable String key, @Valid @RequestBody Reclassify change, Principal user) {
        reclassifying.reclassify(key, change, user.getName());
        return reader.detail(key).orElseThrow();
    }
}
