package com.sladesk.sla;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.sladesk.request.Category;
import com.sladesk.request.CustomerTier;
import com.sladesk.request.Priority;

/** Body of PATCH /api/requests/{key}: what changes, and why. */
public record Reclassify(Priority priority, Category category, CustomerTier customerTier,
        @NotBlank @Size(max = 500) String reason) {

    @AssertTrue(message = "name at least one of priority, category, customerTier")
    public boolean isChangingSomething() {
        return priority != null || category != null || customerTier != null;
    }
}
