package com.sladesk.sla;

import java.io.IOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The business calendars exactly as application.yaml ships them, without starting the application. */
final class ShippedCalendars {

    private static BusinessCalendars calendars;

    private ShippedCalendars() {
    }

    static synchronized BusinessCalendar get(String id) {
        if (calendars == null) {
            calendars = new BusinessCalendars(load());
        }
        return calendars.get(id);
    }

    private static CalendarProperties load() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment))
                    .bind("sladesk", CalendarProperties.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
