package com.sladesk.report;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Managers' pages; they read our API from the browser with the manager's own login. */
@Controller
class ManagerPages {

    @GetMapping("/manager/requests/{key}")
    String request(@PathVariable String key, Model model) {
        model.addAttribute("key", key);
        return "manager-request";
    }
}
